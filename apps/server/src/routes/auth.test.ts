import { authRouteSuite } from "./auth.suite.js";

authRouteSuite("pglite");
