/** Every table on SQLite, as drizzle-kit and the SQLite store see them. */
export * from "../enums";
export * from "../schema-orders";
export * from "../schema-upstream";
export * from "../schema-review";
export * from "../schema-overview";
export * from "../schema-alerts";
