import { rolesSuite } from "./roles.suite.js";

rolesSuite("pglite");
