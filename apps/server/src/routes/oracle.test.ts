import { oracleSuite } from "./oracle.suite.js";

oracleSuite("pglite");
