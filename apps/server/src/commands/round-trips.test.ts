import { roundTripSuite } from "./round-trips.suite.js";

roundTripSuite("pglite");
