import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { openDb } from "@/db/client";
import { seedCatalog, seedUser } from "@/lib/testing/fixtures";

import { seedDemoHistory } from "./demo-history";

const HOUR = 3_600_000;

describe("the demo's history", () => {
  it("lives each order through the server's rules and dates every step to when it happened", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ops-demo-")), "demo.db");
    const db = openDb(file);
    await seedCatalog(db);
    const support = await seedUser(db, "support");
    const manager = await seedUser(db, "manager");
    const now = new Date();
    const made = await seedDemoHistory(
      db,
      { creator: support.id, manager: { id: manager.id, email: manager.email } },
      now,
      3,
    );
    const sql = <T>(text: string) => db.$client.prepare(text).all() as T[];
    const one = <T>(text: string) => db.$client.prepare(text).get() as T;

    expect(made.topups).toBeGreaterThan(200);
    expect(made.withdrawals).toBeGreaterThan(20);
    // Every order ends final, so the reconciler never asks the simulators about it.
    expect(
      sql<{ status: string }>("select distinct status from topups")
        .map((r) => r.status)
        .sort(),
    ).toEqual(expect.arrayContaining(["failed", "succeeded"]));
    expect(
      one<{ n: number }>(
        "select count(*) as n from topups where status not in ('succeeded','failed')",
      ).n,
    ).toBe(0);
    expect(
      one<{ n: number }>(
        "select count(*) as n from withdrawals where status not in ('success','failed')",
      ).n,
    ).toBe(0);

    // Each order's history starts at its creation, runs forward, ends no later than now, and
    // its last entry is when the order last changed.
    const late = one<{ n: number }>(
      `select count(*) as n from status_history where at > ${now.getTime()} or at < ${now.getTime() - 4 * 24 * HOUR}`,
    );
    expect(late.n).toBe(0);
    const backwards = one<{ n: number }>(`
      select count(*) as n from status_history a join status_history b
        on a.entity_type = b.entity_type and a.entity_id = b.entity_id and b.id > a.id and b.at < a.at`);
    expect(backwards.n).toBe(0);
    const firsts = one<{ n: number }>(`
      select count(*) as n from topups t
        where (select min(at) from status_history h where h.entity_id = t.ref_id) <> t.created_at`);
    expect(firsts.n).toBe(0);
    const updated = one<{ n: number }>(`
      select count(*) as n from topups t
        where (select max(at) from status_history h where h.entity_id = t.ref_id and h.kind <> 'decision') > t.updated_at`);
    expect(updated.n).toBe(0);

    // What the rules did along the way: created by a person, settled by callbacks, failures
    // with P2W's reasons, each failure a review item a manager decided unless it is recent.
    expect(
      one<{ n: number }>(
        "select count(*) as n from status_history where source = 'create' and actor = 'user:" +
          support.id +
          "'",
      ).n,
    ).toBeGreaterThan(made.topups);
    const failedItems = sql<{ open: number; outcome: string | null; age: number }>(`
      select resolved_at is null as open, outcome, ${now.getTime()} - opened_at as age
        from review_items where reason = 'failed'`);
    expect(failedItems.length).toBeGreaterThan(0);
    for (const item of failedItems) {
      if (item.age > 26 * HOUR) expect(item.open).toBe(0);
      if (!item.open) expect(["refunded", "not_paid"]).toContain(item.outcome);
    }
    expect(
      one<{ n: number }>("select count(*) as n from review_items where resolved_at < opened_at").n,
    ).toBe(0);
    // The manager's decisions are audited at the time they were made.
    expect(
      one<{ n: number }>(
        `select count(*) as n from audit_log where actor_id = ${manager.id} and at > ${now.getTime()}`,
      ).n,
    ).toBe(0);
    // The overview's roll-ups agree with the orders (the triggers followed every re-dating).
    expect(one<{ n: number }>("select sum(count) as n from topup_hours").n).toBe(made.topups);
    db.$client.close();
  }, 60_000);
});
