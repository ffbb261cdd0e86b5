import { convergenceSuite } from "./convergence.suite.js";

convergenceSuite("pglite", 20_271);
