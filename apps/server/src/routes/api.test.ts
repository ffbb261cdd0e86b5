import { apiRouteSuite } from "./api.suite.js";

apiRouteSuite("pglite");
