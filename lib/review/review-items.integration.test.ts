import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { describe, expect, it } from "vitest";

import { listCallbacksFor } from "@/db/queries/callbacks";
import { getTopup } from "@/db/queries/topups";
import { reviewItems } from "@/db/schema";
import { waitFor } from "@/lib/testing/receiver";
import { topupHarness } from "@/lib/testing/topup-harness";
import { createTopup } from "@/lib/topups/create-topup";

const h = topupHarness();

const itemsOf = async (refId: string) =>
  (await h.db.select().from(reviewItems)).filter((i) => i.entityId === refId);

describe("review items follow the orders", () => {
  it("a refused create opens one `failed` item in the same change", async () => {
    h.sandbox.balanceSatang = 100;
    const { topup } = await createTopup(h.deps, h.person, h.order());
    expect(topup.status).toBe("failed");
    const items = await itemsOf(topup.refId);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      kind: "topup",
      reason: "failed",
      resolvedAt: null,
      detail: { error: "INSUFFICIENT_BALANCE" },
    });
  });

  it("an unknown outcome is an open item until P2W's callback settles it", async () => {
    h.sandbox.faults.set([{ op: "create", kind: "reset_after_commit", times: 1 }]);
    const { topup } = await createTopup(h.deps, h.person, h.order());
    expect((await itemsOf(topup.refId)).map((i) => [i.reason, i.resolvedAt])).toEqual([
      ["unknown_outcome", null],
    ]);
    await waitFor(
      async () => (await getTopup(h.db, topup.refId))?.status === "succeeded" || undefined,
    );
    const [item] = await itemsOf(topup.refId);
    expect(item).toMatchObject({ outcome: "settled_by_upstream", resolvedBy: null });
    expect(item?.resolvedAt).toBeInstanceOf(Date);
  });

  it("repeated contradictions of a final state keep one open `conflict` item", async () => {
    h.deps = { ...h.deps, confirmCallbacks: false };
    const { topup } = await createTopup(h.deps, h.person, h.order());
    const done = await waitFor(async () => {
      const row = await getTopup(h.db, topup.refId);
      return row?.status === "succeeded" ? row : undefined;
    });
    for (const reason of ["late", "later"]) {
      await h.postCallback({
        orderID: done.orderId,
        refID: done.refId,
        status: "failed",
        balance: 1,
        reason,
      });
    }
    await waitFor(async () => {
      const callbacks = await listCallbacksFor(h.db, [topup.refId]);
      return (callbacks.length === 3 && callbacks.every((c) => c.processedAt)) || undefined;
    });
    expect((await itemsOf(topup.refId)).map((i) => i.reason)).toEqual(["conflict"]);
  });
});

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
