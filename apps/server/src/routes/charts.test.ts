import { chartRouteSuite } from "./charts.suite.js";

chartRouteSuite("pglite");
