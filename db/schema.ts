/** Every table, as the app and drizzle-kit see them, and the words their columns take. */
export * from "./enums";
export * from "./schema-orders";
export * from "./schema-upstream";
export * from "./schema-review";
export * from "./schema-overview";
export * from "./schema-alerts";
