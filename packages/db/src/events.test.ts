import { eventsRepositorySuite } from "./events.suite.js";

eventsRepositorySuite("pglite");
