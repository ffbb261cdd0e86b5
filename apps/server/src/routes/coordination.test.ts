import { coordinationSuite } from "./coordination.suite.js";

coordinationSuite("pglite");
