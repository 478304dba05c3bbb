import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { describe, expect, it } from "vitest";

/** SQLite's migrations that move data, run on a file as an older release left it. */

describe("the review items migration", () => {
  it("back-fills an open item for every order already waiting for a decision", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ops-backfill-"));
    const folder = path.join(dir, "migrations");
    fs.cpSync(path.resolve("db", "migrations"), folder, { recursive: true });
    const journalFile = path.join(folder, "meta", "_journal.json");
    const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as {
      entries: { tag: string }[];
    };
    const upTo = journal.entries.findIndex((e) => e.tag.endsWith("_review_items"));
    fs.writeFileSync(
      journalFile,
      JSON.stringify({ ...journal, entries: journal.entries.slice(0, upTo) }),
    );
    const sqlite = new Database(path.join(dir, "old.db"));
    const db = drizzle({ client: sqlite });
    migrate(db, { migrationsFolder: folder });

    sqlite.exec(`
      insert into users (email, name, role, password_hash) values ('s@x', 'S', 'support', 'x');
      insert into packages (package_id, game, name, price_satang, active, fields)
        values ('P1', 'G', '{"th":"a","en":"b"}', 100, 1, '[]');
      insert into topups (ref_id, package_id, topup_info, status, reason, price_satang, created_by, idempotency_key, request_hash, needs_review)
        values ('TU-1', 'P1', '{}', 'failed', 'NOPE', 100, 1, 'k1', 'h', null),
               ('TU-2', 'P1', '{}', 'unknown', null, 100, 1, 'k2', 'h', 'unknown_outcome'),
               ('TU-3', 'P1', '{}', 'succeeded', null, 100, 1, 'k3', 'h', null),
               ('TU-4', 'P1', '{}', 'failed', 'X', 100, 1, 'k4', 'h', 'conflict');
      insert into withdrawals (platform_order_id, merchant_order_id, bank, account_no, account_name, amount_satang, status, ordered_at, needs_review)
        values ('AAAW20260101000000000001', 'M1', 'KBANK', '1', 'A', 100, 'open', 0, 'stuck'),
               ('AAAW20260101000000000002', 'M2', 'KBANK', '2', 'B', 100, 'success', 0, null);
    `);
    migrate(db, { migrationsFolder: path.resolve("db", "migrations") });
    const rows = sqlite
      .prepare("select kind, entity_id, reason from review_items order by entity_id, reason")
      .all();
    expect(rows).toEqual([
      { kind: "withdrawal", entity_id: "AAAW20260101000000000001", reason: "stuck" },
      { kind: "topup", entity_id: "TU-1", reason: "failed" },
      { kind: "topup", entity_id: "TU-2", reason: "unknown_outcome" },
      { kind: "topup", entity_id: "TU-4", reason: "conflict" },
      { kind: "topup", entity_id: "TU-4", reason: "failed" },
    ]);
  });
});
