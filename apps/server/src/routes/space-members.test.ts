import { spaceMemberSuite } from "./space-members.suite.js";

spaceMemberSuite("pglite");
