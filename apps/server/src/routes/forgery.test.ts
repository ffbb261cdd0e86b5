import { forgerySuite } from "./forgery.suite.js";

forgerySuite("pglite");
