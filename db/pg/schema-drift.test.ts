import { getTableName, is, Table } from "drizzle-orm";
import { getTableConfig as pgConfig, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";

import * as sqlite from "../sqlite/schema";
import * as pg from "./schema";

/**
 * One schema, two dialects: every table, column, index, foreign key and check of the SQLite
 * schema (db/schema.ts) exists on PostgreSQL (db/pg/schema.ts) with the same row type, and
 * nothing more. A column added to one and not the other fails here, not in production.
 */

type Shape = {
  columns: Record<string, string>;
  indexes: Record<string, string>;
  foreignKeys: string[];
  checks: string[];
};

function tablesOf(schema: Record<string, unknown>): Map<string, Table> {
  const tables = new Map<string, Table>();
  for (const value of Object.values(schema))
    if (is(value, Table)) tables.set(getTableName(value), value);
  return tables;
}

function shapeOf(table: Table): Shape {
  const config = is(table, PgTable)
    ? pgConfig(table)
    : sqliteConfig(table as unknown as SQLiteTable);
  const columns: Record<string, string> = {};
  for (const column of config.columns) {
    columns[column.name] = [
      column.dataType,
      column.notNull ? "not null" : "null",
      column.hasDefault ? "default" : "",
      column.primary ? "primary" : "",
      column.isUnique ? "unique" : "",
      column.enumValues?.join("|") ?? "",
    ].join(" ");
  }
  const indexes: Record<string, string> = {};
  for (const index of config.indexes) {
    const {
      name,
      columns: on,
      unique,
      where,
    } = index.config as {
      name: string;
      columns: { name?: string }[];
      unique: boolean;
      where?: unknown;
    };
    indexes[name] = [
      on.map((c) => c.name ?? "expr").join(","),
      unique,
      where ? "partial" : "",
    ].join(" ");
  }
  const foreignKeys = config.foreignKeys
    .map((fk) => {
      const ref = fk.reference();
      return `${ref.columns.map((c) => c.name).join(",")} → ${getTableName(ref.foreignTable)}(${ref.foreignColumns.map((c) => c.name).join(",")})`;
    })
    .sort();
  const checks = config.checks.map((c) => c.name).sort();
  return { columns, indexes, foreignKeys, checks };
}

describe("the PostgreSQL schema", () => {
  const lite = tablesOf(sqlite);
  const post = tablesOf(pg);

  it("has the same tables", () => {
    expect([...post.keys()].sort()).toEqual([...lite.keys()].sort());
  });

  it.each([...lite.keys()].sort())(
    "%s: the same columns, types, indexes, keys and checks",
    (name) => {
      const table = post.get(name);
      expect(table, `${name} is missing on PostgreSQL`).toBeDefined();
      expect(shapeOf(table as Table)).toEqual(shapeOf(lite.get(name) as Table));
    },
  );
});

describe("the tables the shared queries use (db/schema.ts)", () => {
  it("are every table of the schema, under the same names", async () => {
    const chosen = await import("../schema");
    const names = (schema: Record<string, unknown>) =>
      Object.entries(schema)
        .filter(([, value]) => is(value, Table))
        .map(([name]) => name)
        .sort();
    expect(names(chosen)).toEqual(names(sqlite));
    expect(names(pg)).toEqual(names(sqlite));
  });
});
