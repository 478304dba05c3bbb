import { setTimeout as sleep } from "node:timers/promises";

import pg from "pg";
import { describe, expect, it } from "vitest";

import { withTx } from "./client";
import { changesSince, latestChangeId } from "./queries/history";
import { statusHistory } from "./schema";
import { dialect } from "./dialect";
import { tempDb } from "./testing/temp-db";

const change = (entityId: string) => ({
  entityType: "topup" as const,
  entityId,
  fromStatus: "pending" as const,
  toStatus: "succeeded" as const,
  kind: "applied",
  source: "callback" as const,
  actor: "test",
});

/**
 * The live feed a browser polls with its cursor. On PostgreSQL a transaction that took an
 * earlier history id can commit after later ones; the feed must still deliver its change to
 * a browser that has already seen the later ones. Here one transaction writes a change and
 * stays open while three more commit and a browser keeps polling; then it commits.
 */
describe("the change feed", () => {
  it("delivers a change that commits after later ones, each change once", async () => {
    const db = tempDb();
    let cursor = await latestChangeId(db);
    const seen: string[] = [];
    const poll = async () => {
      const page = await changesSince(db, cursor, 500);
      cursor = page.cursor;
      seen.push(...page.changes.map((c) => c.entityId));
    };

    let finish = () => {};
    const gate = new Promise<void>((resolve) => (finish = resolve));
    let written = () => {};
    const slowWrote = new Promise<void>((resolve) => (written = resolve));
    const slow = withTx(db, async (tx) => {
      await tx.insert(statusHistory).values(change("TU-SLOW"));
      written();
      await gate;
    });
    await slowWrote;
    // Later changes: on PostgreSQL they commit now, on SQLite once the slow one has.
    const later = ["TU-LATER-1", "TU-LATER-2", "TU-LATER-3"].map((id) =>
      withTx(db, (tx) => tx.insert(statusHistory).values(change(id))),
    );
    for (let i = 0; i < 10; i++) {
      await poll();
      await sleep(30);
    }
    finish();
    await Promise.all([slow, ...later]);
    for (let i = 0; i < 3; i++) await poll();

    expect(seen.sort()).toEqual(["TU-LATER-1", "TU-LATER-2", "TU-LATER-3", "TU-SLOW"]);
  });

  it("serves a page whole transactions at a time, and moves on", async () => {
    const db = tempDb();
    const start = await latestChangeId(db);
    await withTx(db, (tx) =>
      tx.insert(statusHistory).values(Array.from({ length: 7 }, (_, i) => change(`TU-A${i}`))),
    );
    await withTx(db, (tx) => tx.insert(statusHistory).values(change("TU-B")));
    const seen: string[] = [];
    let cursor = start;
    for (let i = 0; i < 6; i++) {
      const page = await changesSince(db, cursor, 3);
      cursor = page.cursor;
      seen.push(...page.changes.map((c) => c.entityId));
    }
    expect(seen.sort()).toEqual([...Array.from({ length: 7 }, (_, i) => `TU-A${i}`), "TU-B"]);
  });

  it.skipIf(dialect === "sqlite")(
    "starts a cursor it never gave out (from before an upgrade) from now, and goes on from there",
    async () => {
      const db = tempDb();
      const reset = await changesSince(db, 2 ** 40, 500);
      expect(reset.changes).toEqual([]);
      expect(reset.cursor).toBeLessThan(2 ** 40);
      await withTx(db, (tx) => tx.insert(statusHistory).values(change("TU-AFTER")));
      const next = await changesSince(db, reset.cursor, 500);
      expect(next.changes.map((c) => c.entityId)).toEqual(["TU-AFTER"]);
    },
  );

  it.skipIf(dialect === "sqlite")(
    "is not held back by a long write transaction in another database of the server",
    async () => {
      const db = tempDb();
      const start = await latestChangeId(db);
      // The server's own database: a transaction there with an id of its own, left open.
      const elsewhere = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await elsewhere.connect();
      try {
        await elsewhere.query("begin");
        await elsewhere.query("select pg_current_xact_id()");
        await withTx(db, (tx) => tx.insert(statusHistory).values(change("TU-BESIDE")));
        const page = await changesSince(db, start, 500);
        expect(page.changes.map((c) => c.entityId)).toEqual(["TU-BESIDE"]);
      } finally {
        await elsewhere.query("rollback");
        await elsewhere.end();
      }
    },
  );
});
