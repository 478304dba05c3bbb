import { describe, expect, it } from "vitest";

import { withTx } from "@/db/client";
import { insertCallback } from "@/db/queries/callbacks";
import {
  alerts,
  balanceSnapshots,
  heartbeats,
  reviewItems,
  topups,
  withdrawals,
} from "@/db/schema";
import { tempDb } from "@/db/testing/temp-db";
import { RECONCILER_BEAT } from "@/lib/overview/warnings";
import { seedCatalog, seedUser } from "@/lib/testing/fixtures";

import { instruments } from "./instruments";
import { scrape } from "./scrape";

/**
 * One scrape on a real database: the figures it reads (open orders per status and the
 * oldest's age, the callbacks waiting, the review queue, active alerts, the reconciler's
 * last pass, the balance), the counters of this thread and the callback thread's added up,
 * and no label carrying an id.
 */
const NOW = new Date("2026-12-07T05:00:00Z");
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

/** `name{labels} value` lines of a scrape, by series. */
function series(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const at = line.lastIndexOf(" ");
    out.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return out;
}

async function seeded() {
  const db = tempDb();
  await seedCatalog(db);
  const user = await seedUser(db, "support");
  await withTx(db, async (tx) => {
    const topup = (refId: string, status: string, createdAt: Date) => ({
      refId,
      packageId: "ROLTH_A01_P001",
      topupInfo: {},
      priceSatang: 100,
      createdBy: user.id,
      requestHash: "h",
      idempotencyKey: refId,
      status: status as "pending",
      createdAt,
    });
    await tx.insert(topups).values([
      topup("TU-A", "pending", minutesAgo(30)),
      topup("TU-B", "pending", minutesAgo(5)),
      topup("TU-C", "processing", minutesAgo(90)),
      // In a person's hands: counted, but not the oldest one waiting on P2W.
      { ...topup("TU-E", "pending", minutesAgo(300)), needsReview: "stuck" as const },
      topup("TU-D", "succeeded", minutesAgo(600)),
    ]);
    await tx.insert(withdrawals).values({
      platformOrderId: "AAAW20261207AAAAAAAAAAAA",
      merchantOrderId: "PAYOUT-2026-000001",
      bank: "KBANK",
      accountNo: "6117707022",
      accountName: "สมชาย วงศ์สวัสดิ์",
      amountSatang: 100,
      status: "open",
      orderedAt: minutesAgo(20),
    });
    await tx.insert(reviewItems).values([
      { kind: "topup", entityId: "TU-C", reason: "stuck", openedAt: minutesAgo(40) },
      { kind: "topup", entityId: "TU-D", reason: "failed", openedAt: minutesAgo(10) },
    ]);
    await tx.insert(alerts).values({
      kind: "balance_low",
      severity: "critical",
      raisedAt: minutesAgo(3),
      notifiedAt: minutesAgo(3),
    });
    await tx.insert(heartbeats).values({ name: RECONCILER_BEAT, at: minutesAgo(1) });
    await tx.insert(balanceSnapshots).values({
      upstream: "p2w",
      balanceSatang: 1_234_500,
      source: "test",
      confirmed: true,
      at: minutesAgo(2),
    });
  });
  for (const [result, m] of [
    ["received", 2],
    ["received", 1],
    ["applied", 4],
  ] as const)
    await insertCallback(db, {
      upstream: "payout",
      rawBody: "{}",
      verification: "ok",
      result,
      receivedAt: minutesAgo(m),
    });
  return db;
}

describe("/api/metrics's scrape", () => {
  it("reads the waiting work from the database, every known label written", async () => {
    const db = await seeded();
    const got = series((await scrape(db, { thread: [], isLeader: true, now: NOW })).text);
    expect(got.get('orders_open{kind="topup",status="pending"}')).toBe(3);
    expect(got.get('orders_open{kind="topup",status="processing"}')).toBe(1);
    expect(got.get('orders_open{kind="topup",status="submitting"}')).toBe(0);
    expect(got.get('orders_open{kind="withdrawal",status="open"}')).toBe(1);
    expect(got.get('orders_open_oldest_age_seconds{kind="topup"}')).toBe(90 * 60);
    expect(got.get('orders_open_oldest_age_seconds{kind="withdrawal"}')).toBe(20 * 60);
    expect(got.get("callbacks_pending")).toBe(2);
    expect(got.get("callback_processing_lag_seconds")).toBe(120);
    expect(got.get('review_queue_items{reason="stuck"}')).toBe(1);
    expect(got.get('review_queue_items{reason="failed"}')).toBe(1);
    expect(got.get('review_queue_items{reason="anomaly"}')).toBe(0);
    expect(got.get("review_queue_oldest_age_seconds")).toBe(40 * 60);
    expect(got.get('alerts_active{kind="balance_low"}')).toBe(1);
    expect(got.get('alerts_active{kind="reconciler_stalled"}')).toBe(0);
    expect(got.get("reconciler_last_pass_timestamp_seconds")).toBe(minutesAgo(1).getTime() / 1000);
    expect(got.get("reconciler_is_leader")).toBe(1);
    expect(got.get("p2w_balance_satang")).toBe(1_234_500);
    // Node's own figures, once.
    expect(got.get("process_resident_memory_bytes")).toBeGreaterThan(0);
  });

  it("leaves out what it does not know yet, and says 0 when nothing waits", async () => {
    const got = series((await scrape(tempDb(), { thread: [], isLeader: false, now: NOW })).text);
    expect(got.has("p2w_balance_satang")).toBe(false);
    expect(got.has("reconciler_last_pass_timestamp_seconds")).toBe(false);
    expect(got.get("reconciler_is_leader")).toBe(0);
    expect(got.get("callbacks_pending")).toBe(0);
    expect(got.get("callback_processing_lag_seconds")).toBe(0);
    expect(got.get('orders_open_oldest_age_seconds{kind="topup"}')).toBe(0);
  });

  it("adds the callback thread's counters to this thread's, label by label", async () => {
    const db = tempDb();
    const { callbacksReceived, upstreamDuration } = instruments();
    const key = { upstream: "p2w", outcome: "refused", reason: "bad_token" };
    const before = series((await scrape(db, { thread: [], isLeader: false, now: NOW })).text);
    const counted = 'callbacks_received_total{upstream="p2w",outcome="refused",reason="bad_token"}';
    const start = before.get(counted) ?? 0;
    callbacksReceived.inc(key, 2);
    upstreamDuration.observe({ upstream: "p2w", operation: "get_order", outcome: "ok" }, 0.2);
    // What the callback thread answers: its own registry's JSON (here: a second one of ours).
    const thread = await instruments().registry.getMetricsAsJSON();
    const got = series((await scrape(db, { thread, isLeader: false, now: NOW })).text);
    expect(got.get(counted)).toBe(2 * (start + 2));
    const bucket =
      'upstream_request_duration_seconds_bucket{le="0.25",upstream="p2w",operation="get_order",outcome="ok"}';
    expect(got.get(bucket)).toBe(2 * (before.get(bucket) ?? 0) + 2);
    // Process figures are this thread's alone, not doubled.
    expect(got.get("process_start_time_seconds")).toBe(before.get("process_start_time_seconds"));
  });
});
