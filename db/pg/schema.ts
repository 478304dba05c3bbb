/** Every table on PostgreSQL: the same names, columns and row types as db/schema.ts. */
export * from "../enums";
export * from "./schema-orders";
export * from "./schema-upstream";
export * from "./schema-review";
export * from "./schema-overview";
export * from "./schema-alerts";
