import { peopleSuite } from "./people.suite.js";

peopleSuite("pglite");
