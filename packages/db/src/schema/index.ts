export * from "./attachments.js";
export * from "./board.js";
export * from "./coordination.js";
export * from "./events.js";
export * from "./hierarchy.js";
export * from "./mail.js";
export * from "./trash.js";
export * from "./users.js";
