import { queueSuite } from "./queue.suite.js";

queueSuite("pglite");
