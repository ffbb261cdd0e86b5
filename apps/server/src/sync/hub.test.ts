import { hubSuite } from "./hub.suite.js";

hubSuite("pglite");
