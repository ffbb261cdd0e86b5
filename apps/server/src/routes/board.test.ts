import { boardRouteSuite } from "./board.suite.js";

boardRouteSuite("pglite");
