export * from "./board.js";
export * from "./events.js";
export * from "./hierarchy.js";
export * from "./users.js";
