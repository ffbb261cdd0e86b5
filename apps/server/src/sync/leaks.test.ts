import { leaksSuite } from "./leaks.suite.js";

leaksSuite("pglite");
