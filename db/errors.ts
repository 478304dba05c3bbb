/**
 * Whether `error` (or one of its causes) is the database refusing a row because `table`'s
 * `column` must be unique: SQLite says so in its message, PostgreSQL with SQLSTATE 23505, the
 * table and the key in its detail.
 */
export function isUniqueViolation(error: unknown, table: string, column: string): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e.message.includes(`UNIQUE constraint failed: ${table}.${column}`)) return true;
    const pg = e as Error & { code?: string; table?: string; detail?: string };
    if (pg.code === "23505" && pg.table === table && pg.detail?.startsWith(`Key (${column})=`))
      return true;
  }
  return false;
}
