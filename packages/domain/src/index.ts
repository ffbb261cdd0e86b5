export * from "./board.js";
export * from "./errors.js";
export * from "./events.js";
export * from "./ordering.js";
export * from "./permissions.js";
export * from "./protocol.js";
export * from "./roles.js";
export * from "./schemas.js";
