import { collaborationRouteSuite } from "./collaboration.suite.js";

collaborationRouteSuite("pglite");
