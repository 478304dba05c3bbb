import { setTimeout as sleep } from "node:timers/promises";

import { describe, expect, it } from "vitest";

import { withTx } from "@/db/client";
import { fencedBy, LeaseLostError, takeLease } from "@/db/queries/leases";
import { recentPasses } from "@/db/queries/reconciler-passes";
import { auditLog, reconcilerPasses } from "@/db/schema";
import { tempDb } from "@/db/testing/temp-db";
import { sandboxPayoutClient } from "@/lib/testing/payout-client";
import { topupHarness } from "@/lib/testing/topup-harness";

import { startReconciler } from "./runner";

const audit = (action: string) => ({
  actorId: null,
  actorEmail: "system",
  action,
  targetType: "test",
  targetId: action,
  details: {},
  ip: null,
});

describe("the reconciler's lease", () => {
  it("is held by one holder at a time, by the database's clock, its epoch growing on each takeover", async () => {
    const db = tempDb();
    const a = await takeLease(db, "reconciler", "a", 300);
    expect(a?.epoch).toBe(1);
    expect(await takeLease(db, "reconciler", "b", 300)).toBeNull();
    // Renewed by its holder: the same epoch.
    expect((await takeLease(db, "reconciler", "a", 300))?.epoch).toBe(1);
    await sleep(400);
    const b = await takeLease(db, "reconciler", "b", 60_000);
    expect(b?.epoch).toBe(2);
    expect(await takeLease(db, "reconciler", "a", 300)).toBeNull();
  });

  it("fences a holder that lost it: its transactions write nothing; the new holder's do", async () => {
    const db = tempDb();
    const a = await takeLease(db, "reconciler", "a", 200);
    if (!a) throw new Error("a should hold the lease");
    const asA = fencedBy(db, a);
    await withTx(asA, (tx) => tx.insert(auditLog).values(audit("a-while-holding")));
    await sleep(300);
    const b = await takeLease(db, "reconciler", "b", 60_000);
    if (!b) throw new Error("b should take the lapsed lease");
    await expect(
      withTx(asA, (tx) => tx.insert(auditLog).values(audit("a-after-losing"))),
    ).rejects.toBeInstanceOf(LeaseLostError);
    await withTx(fencedBy(db, b), (tx) => tx.insert(auditLog).values(audit("b-holding")));
    const actions = (await db.select().from(auditLog)).map((row) => row.action).sort();
    expect(actions).toEqual(["a-while-holding", "b-holding"]);
  });

  it("cannot pass to another holder while a fenced transaction runs", async () => {
    const db = tempDb();
    const a = await takeLease(db, "reconciler", "a", 150);
    if (!a) throw new Error("a should hold the lease");
    const order: string[] = [];
    let checked = () => {};
    const started = new Promise<void>((resolve) => (checked = resolve));
    const slow = withTx(fencedBy(db, a), async (tx) => {
      await tx.insert(auditLog).values(audit("a-slow"));
      checked();
      await sleep(400); // the lease runs out meanwhile
      order.push("a committed");
    });
    await started;
    await sleep(250);
    const b = await takeLease(db, "reconciler", "b", 60_000).then((lease) => {
      order.push("b took it");
      return lease;
    });
    await slow;
    expect(b?.epoch).toBe(2);
    expect(order).toEqual(["a committed", "b took it"]);
  });
});

describe("the reconciler on two instances", () => {
  const h = topupHarness();

  it("runs on one at a time; when the leader stops, the other takes over; every pass recorded", async () => {
    const withdrawals = {
      db: h.db,
      // Nothing is due: the gateway is never called.
      payout: sandboxPayoutClient(
        "http://127.0.0.1:9",
        { merchantId: "M", token: "t", secret: "s" },
        h.db,
      ),
      secret: "s",
      merchantId: "M",
      confirmCallbacks: false,
    };
    const deps = () => ({ topups: h.deps, withdrawals });
    const timing = { tickMs: 100, ttlMs: 400 };
    const stopFirst = startReconciler(deps, timing);
    await sleep(50);
    const stopSecond = startReconciler(deps, timing);
    await sleep(600);
    const early = await recentPasses(h.db, 1000);
    expect(early.length).toBeGreaterThan(0);
    expect(new Set(early.map((p) => p.holder)).size).toBe(1);
    await stopFirst();
    await sleep(800);
    await stopSecond();

    const passes = (await h.db.select().from(reconcilerPasses)).sort((x, y) => x.id - y.id);
    const holders = [...new Set(passes.map((p) => p.holder))];
    expect(holders).toHaveLength(2);
    expect(passes.every((p) => p.outcome === "done" && p.finishedAt !== null)).toBe(true);
    // Each holder under its own epoch; no pass starts before the one before it ended.
    expect(new Set(passes.filter((p) => p.holder === holders[0]).map((p) => p.epoch)).size).toBe(1);
    expect(passes.at(-1)?.epoch).toBeGreaterThan(passes[0]?.epoch ?? 0);
    for (let i = 1; i < passes.length; i++)
      expect(passes[i]?.startedAt.getTime()).toBeGreaterThanOrEqual(
        passes[i - 1]?.finishedAt?.getTime() ?? Infinity,
      );
  });
});
