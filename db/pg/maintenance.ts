import { execFile } from "node:child_process";
import fs from "node:fs";
import { promisify } from "node:util";

import pg from "pg";

import type { BackupReport, TableSums } from "../store";

const run = promisify(execFile);

/** The tables a copy's proof counts (as on SQLite). */
const COUNTED = ["users", "topups", "withdrawals", "callbacks", "audit_log"];

/**
 * PostgreSQL's check of its files: every B-tree index checked against its table with
 * `amcheck` where the extension can be created; otherwise (no contrib package, or no right
 * to create it) every table read whole, which fails on a damaged page.
 */
export async function integrityOfPostgres(on: pg.Pool | pg.Client): Promise<string> {
  const client = on instanceof pg.Pool ? await on.connect() : on;
  try {
    let amcheck = true;
    try {
      await client.query("create extension if not exists amcheck");
    } catch {
      amcheck = false;
    }
    const problems: string[] = [];
    if (amcheck) {
      const { rows } = await client.query<{ index: string }>(
        `select c.oid::regclass::text as index from pg_index i
           join pg_class c on c.oid = i.indexrelid
           join pg_am a on a.oid = c.relam
           join pg_namespace n on n.oid = c.relnamespace
          where a.amname = 'btree' and n.nspname = 'public' and i.indisvalid`,
      );
      for (const { index } of rows) {
        try {
          await client.query("select bt_index_check($1::regclass, true)", [index]);
        } catch (error) {
          problems.push(`${index}: ${(error as Error).message}`);
        }
      }
    } else {
      const { rows } = await client.query<{ name: string }>(
        "select quote_ident(tablename) as name from pg_tables where schemaname = 'public'",
      );
      for (const { name } of rows) {
        try {
          await client.query(`select count(*) from (select * from ${name}) t`);
        } catch (error) {
          problems.push(`${name}: ${(error as Error).message}`);
        }
      }
    }
    return problems.length === 0 ? "ok" : problems.slice(0, 5).join("; ");
  } finally {
    if (client !== on) (client as pg.PoolClient).release();
  }
}

/** The connection settings of `url` for the PostgreSQL tools, the password in the environment only. */
export function toolEnv(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return {
    dbname: parsed.toString(),
    // The child's environment: this process's, plus the password (never on a command line).
    // eslint-disable-next-line no-restricted-syntax
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
  };
}

/** `url` with its database name replaced. */
export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(name)}`;
  return parsed.toString();
}

/**
 * A consistent copy of the database at `file` in pg_dump's custom format (one snapshot;
 * writers are not blocked), proven by restoring it into a fresh database, checking that one
 * and counting its rows; the proof's database is dropped afterwards. Never overwrites a file.
 */
export async function backupPostgres(url: string, file: string): Promise<BackupReport> {
  if (fs.existsSync(file)) throw new Error(`${file} exists: a backup never overwrites a file`);
  const started = Date.now();
  const { dbname, env } = toolEnv(url);
  await run("pg_dump", ["--format=custom", "--no-owner", `--file=${file}`, `--dbname=${dbname}`], {
    env,
  });
  const ms = Date.now() - started;
  const check = `ops_restore_check_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${check}`);
    try {
      const target = toolEnv(withDatabase(url, check));
      await run(
        "pg_restore",
        ["--no-owner", "--exit-on-error", `--dbname=${target.dbname}`, file],
        { env: target.env },
      );
      // One client, closed before the scratch database is dropped (a pool's end resolves
      // before its sockets close, and the drop would then cut a connection still closing).
      return await withClient(withDatabase(url, check), async (copy) => {
        const counts: Record<string, number> = {};
        for (const table of COUNTED) {
          const { rows } = await copy.query<{ n: number }>(
            `select count(*)::int as n from ${table}`,
          );
          counts[table] = rows[0]?.n ?? 0;
        }
        return {
          ms,
          integrity: await integrityOfPostgres(copy),
          counts,
          sums: await sumsOfPostgres(copy),
        };
      });
    } finally {
      await admin.query(`drop database if exists ${check} with (force)`);
    }
  } finally {
    await admin.end();
  }
}

/**
 * Every table's rows and the sum of their rows' hashes (db/store.ts, `TableSums`): each row's
 * text form hashed by the server, 60 bits of it summed.
 */
export async function sumsOfPostgres(pool: pg.Pool | pg.Client): Promise<TableSums> {
  const { rows: tables } = await pool.query<{ name: string }>(
    "select tablename as name from pg_tables where schemaname = 'public' order by tablename",
  );
  const sums: TableSums = {};
  for (const { name } of tables) {
    const { rows } = await pool.query<{ n: string; s: string | null }>(
      `select count(*)::text as n,
              sum(('x' || substr(md5(t::text), 1, 15))::bit(60)::bigint::numeric)::text as s
         from public.${pg.escapeIdentifier(name)} t`,
    );
    sums[name] = { rows: Number(rows[0]?.n ?? 0), sum: rows[0]?.s ?? "0" };
  }
  return sums;
}

/**
 * Restores the custom-format dump `file` into the database `url` names: created when
 * missing; refused when it already holds tables (a restore never overwrites). Checked, and
 * its sums read, afterwards.
 */
export async function restorePostgres(
  file: string,
  url: string,
): Promise<{ ms: number; integrity: string; sums: TableSums }> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  await onServer(url, async (admin) => {
    const { rowCount } = await admin.query("select 1 from pg_database where datname = $1", [name]);
    if (!rowCount) await admin.query(`create database ${pg.escapeIdentifier(name)}`);
  });
  const held = await withClient(url, async (client) => {
    const { rows } = await client.query<{ n: number }>(
      "select count(*)::int as n from pg_tables where schemaname = 'public'",
    );
    return rows[0]?.n ?? 0;
  });
  if (held > 0)
    throw new Error(`the database ${name} holds ${held} tables: a restore never overwrites`);
  const started = Date.now();
  const { dbname, env } = toolEnv(url);
  await run("pg_restore", ["--no-owner", "--exit-on-error", `--dbname=${dbname}`, file], { env });
  const ms = Date.now() - started;
  return withClient(url, async (copy) => ({
    ms,
    integrity: await integrityOfPostgres(copy),
    sums: await sumsOfPostgres(copy),
  }));
}

/**
 * Drops the database `url` names, if it exists, and creates it empty (the demo's and the
 * tools' own databases: never a production one). Connects to the server's `postgres` database
 * to do it.
 */
export function recreateDatabase(url: string): Promise<void> {
  return onServer(url, async (admin, name) => {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  });
}

/** Drops the database `url` names (a tool's own, at its end). */
export function dropDatabase(url: string): Promise<void> {
  return onServer(url, async (admin, name) => {
    await admin.query(`drop database if exists ${name} with (force)`);
  });
}

/** Runs `work` on the server's `postgres` database, given the plain name of `url`'s database. */
function onServer(
  url: string,
  work: (admin: pg.Client, name: string) => Promise<void>,
): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  return withClient(withDatabase(url, "postgres"), (admin) => work(admin, name));
}

/** Runs `work` on a connection of its own to `url`, closed afterwards. */
export async function withClient<T>(
  url: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
