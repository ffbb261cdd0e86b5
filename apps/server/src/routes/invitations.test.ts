import { invitationsSuite } from "./invitations.suite.js";

invitationsSuite("pglite");
