import { inputSuite } from "./input.suite.js";

inputSuite("pglite");
