import { notificationRouteSuite } from "./notifications.suite.js";

notificationRouteSuite("pglite");
