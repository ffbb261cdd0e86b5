import { archiveRouteSuite } from "./archive.suite.js";

archiveRouteSuite("pglite");
