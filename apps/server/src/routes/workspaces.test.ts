import { workspaceRouteSuite } from "./workspaces.suite.js";

workspaceRouteSuite("pglite");
