import { searchRouteSuite } from "./search.suite.js";

searchRouteSuite("pglite");
