export * from "./access.js";
export * from "./card-writes.js";
export * from "./cards.js";
export * from "./client.js";
export * from "./events.js";
export * from "./mappers.js";
export * from "./prepared.js";
export * from "./roles.js";
export * as tables from "./schema/index.js";
