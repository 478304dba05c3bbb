import fs from "node:fs";
import { rawQuery } from "@/db/raw";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { openDb } from "@/db/client";
import { tempDbLocation } from "@/db/testing/temp-db";
import { lastCallbacks } from "@/db/queries/overview";
import { seedCatalog, seedUser } from "@/lib/testing/fixtures";
import { readKnownOrders } from "@/sandbox/known-orders";

import { seedDemoHistory } from "./demo-history";
import { seedReviewCases } from "./demo-review-cases";
import { startDemoUpstreams } from "./demo-upstreams";

const HOUR = 3_600_000;

describe("the demo's history", () => {
  it("lives each order through the server's rules and dates every step to when it happened", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ops-demo-"));
    const db = openDb(await tempDbLocation());
    await seedCatalog(db);
    const support = await seedUser(db, "support");
    const manager = await seedUser(db, "manager");
    const now = new Date();
    const upstreams = await startDemoUpstreams(db, {
      P2W_API_URL: "http://127.0.0.1:0/api/v1",
      P2W_PARTNER_ID: "DEMO-PARTNER",
      P2W_SECRET: "demo-history-p2w-secret-0123456789",
      PAYOUT_API_URL: "http://127.0.0.1:0",
      PAYOUT_MERCHANT_ID: "DM00000001",
      PAYOUT_TOKEN: "demo-history-token",
      PAYOUT_SECRET: "demo-history-payout-secret-0123456789",
      WEBHOOK_SECRET: "demo-history-webhook-secret-0123456789",
      CALLBACK_URL: "http://localhost:3001",
    });
    const knownFile = path.join(dir, "upstream-orders.json");
    let made: { topups: number; withdrawals: number };
    try {
      await seedReviewCases(db, upstreams, support.id);
      made = await seedDemoHistory(
        db,
        upstreams,
        { creator: support.id, manager: { id: manager.id, email: manager.email } },
        now,
        3,
      );
    } finally {
      await upstreams.close(knownFile);
    }
    // Written once for both databases: instants bound as Dates, read back as milliseconds.
    const sql = <T>(text: string, params: unknown[] = []) => rawQuery<T>(db, text, params);
    const one = async <T>(text: string, params: unknown[] = []) =>
      (await rawQuery<T>(db, text, params))[0] as T;

    expect(made.topups).toBeGreaterThan(200);
    expect(made.withdrawals).toBeGreaterThan(20);
    // Every order of the history ends final, so the reconciler has nothing to ask; the review
    // cases ("demo-" keys, "DEMO-" withdrawals) are the only ones left open.
    expect(
      (await sql<{ status: string }>("select distinct status from topups"))
        .map((r) => r.status)
        .sort(),
    ).toEqual(expect.arrayContaining(["failed", "succeeded"]));
    expect(
      (
        await one<{ n: number }>(
          "select count(*) as n from topups where status not in ('succeeded','failed') and idempotency_key not like 'demo-%'",
        )
      ).n,
    ).toBe(0);
    expect(
      (
        await one<{ n: number }>(
          "select count(*) as n from withdrawals where status not in ('success','failed') and merchant_order_id like 'DEMO-%' and platform_order_id not like 'DEM%'",
        )
      ).n,
    ).toBe(0);

    // Each order's history starts at its creation, runs forward, ends no later than now, and
    // its last entry is when the order last changed.
    const late = await one<{ n: number }>(
      "select count(*) as n from status_history where at > ? or at < ?",
      [now, new Date(now.getTime() - 4 * 24 * HOUR)],
    );
    expect(late.n).toBe(0);
    const backwards = await one<{ n: number }>(`
      select count(*) as n from status_history a join status_history b
        on a.entity_type = b.entity_type and a.entity_id = b.entity_id and b.id > a.id and b.at < a.at`);
    expect(backwards.n).toBe(0);
    const firsts = await one<{ n: number }>(`
      select count(*) as n from topups t
        where (select min(at) from status_history h where h.entity_id = t.ref_id) <> t.created_at`);
    expect(firsts.n).toBe(0);
    const updated = await one<{ n: number }>(`
      select count(*) as n from topups t
        where (select max(at) from status_history h where h.entity_id = t.ref_id and h.kind <> 'decision') > t.updated_at`);
    expect(updated.n).toBe(0);

    // What the rules did along the way: created by a person, settled by callbacks, failures
    // with P2W's reasons, each failure a review item a manager decided unless it is recent.
    expect(
      (
        await one<{ n: number }>(
          "select count(*) as n from status_history where source = 'create' and actor = 'user:" +
            support.id +
            "'",
        )
      ).n,
    ).toBeGreaterThan(made.topups);
    const failedItems = await sql<{
      resolved: number | null;
      outcome: string | null;
      opened: number;
    }>(`
      select resolved_at as resolved, outcome, opened_at as opened
        from review_items where reason = 'failed' and entity_id not like 'DEMW%'
          and entity_id not in (select ref_id from topups where idempotency_key like 'demo-%')`);
    expect(failedItems.length).toBeGreaterThan(0);
    for (const item of failedItems) {
      if (now.getTime() - item.opened > 26 * HOUR) expect(item.resolved).not.toBeNull();
      if (item.resolved !== null) expect(["refunded", "not_paid"]).toContain(item.outcome);
    }
    expect(
      (
        await one<{ n: number }>(
          "select count(*) as n from review_items where resolved_at < opened_at",
        )
      ).n,
    ).toBe(0);
    // The manager's decisions are audited at the time they were made.
    expect(
      (
        await one<{ n: number }>(
          "select count(*) as n from audit_log where actor_id = ? and at > ?",
          [manager.id, now],
        )
      ).n,
    ).toBe(0);
    // The overview's roll-ups agree with the orders (the triggers followed every re-dating).
    expect((await one<{ n: number }>("select sum(count) as n from topup_hours")).n).toBe(
      made.topups + 5,
    );

    // The evidence agrees with the timelines. Every callback a history entry names was stored
    // as a live one is (verified, processed), for that order, when the entry says.
    const byCallback = (
      await sql<{ entity: string; at: number; details: { callbackId?: number } | string | null }>(
        "select entity_id as entity, at, details from status_history where source = 'callback'",
      )
    ).map(({ entity, at, details }) => ({
      entity,
      at,
      // SQLite hands JSON back as its text, PostgreSQL as the value.
      callback:
        (typeof details === "string" ? (JSON.parse(details) as { callbackId?: number }) : details)
          ?.callbackId ?? null,
    }));
    expect(byCallback.length).toBeGreaterThan(made.topups);
    const callbackRows = new Map(
      (
        await sql<{
          id: number;
          entity: string;
          at: number;
          verification: string;
          processed: number | null;
        }>(
          `select id, entity_id as entity, received_at as at, verification,
                processed_at as processed from callbacks`,
        )
      ).map((c) => [c.id, c]),
    );
    for (const entry of byCallback) {
      const callback = callbackRows.get(entry.callback ?? -1);
      expect(callback, `${entry.entity} names callback ${entry.callback}`).toBeDefined();
      expect(callback).toMatchObject({ entity: entry.entity, at: entry.at, verification: "ok" });
      expect(callback?.processed).not.toBeNull();
    }
    // Every create that reached P2W is a recorded call, made when the order was created.
    const sent = (
      await one<{ n: number }>(`
      select count(*) as n from topups t where exists (
        select 1 from status_history h where h.entity_id = t.ref_id and h.source = 'create'
          and h.from_status = 'submitting')`)
    ).n;
    const calls = (
      await sql<{ at: number; created: number }>(`
      select c.at, t.created_at as created from upstream_calls c join topups t on t.ref_id = c.target_id
        where c.operation = 'create_order'`)
    ).filter((c) => c.at >= c.created && c.at <= c.created + 1000).length;
    expect(calls).toBe(sent);
    // Each callback that was confirmed has its signed read beside it.
    expect(
      (
        await one<{ n: number }>(
          "select count(*) as n from upstream_calls where operation = 'get_order'",
        )
      ).n,
    ).toBeGreaterThan(made.topups * 0.9);
    // Callback health sees the accepted ones.
    const last = await lastCallbacks(db, "p2w");
    expect(last.accepted?.getTime()).toBeGreaterThan(now.getTime() - HOUR);
    expect(last.accepted?.getTime()).toBeLessThanOrEqual(now.getTime());

    // The simulators hold every order we hold an upstream id for, as we hold it (unless the
    // upstream changed its mind after the fact: a conflict keeps ours).
    const known = readKnownOrders(knownFile);
    const changedMind = `not exists (select 1 from status_history h
      where h.entity_id = t.ref_id and h.kind = 'conflict')`;
    const p2w = new Map(known.p2w.map((o) => [o.orderID, o]));
    for (const t of await sql<{ ref: string; order: string; status: string }>(
      `select ref_id as ref, order_id as "order", status from topups t
        where order_id is not null and ${changedMind}`,
    )) {
      expect(p2w.get(t.order)?.refID).toBe(t.ref);
      if (t.status === "succeeded" || t.status === "failed")
        expect(p2w.get(t.order)?.status, t.ref).toBe(t.status);
    }
    const payout = new Map(known.payout.map((w) => [w.platformOrderId, w]));
    for (const w of await sql<{ id: string; status: string }>(
      `select platform_order_id as id, status from withdrawals t
        where ${changedMind.replace("t.ref_id", "t.platform_order_id")}`,
    ))
      if (w.status !== "stuck") expect(payout.get(w.id)?.status, w.id).toBe(w.status);
    db.$store.close();
  }, 60_000);
});
