import { activityRouteSuite } from "./activity.suite.js";

activityRouteSuite("pglite");
