export * from "./create-card.js";
export * from "./move-card.js";
export * from "./types.js";
