import { calendarSuite } from "./calendar.suite.js";

calendarSuite("pglite");
