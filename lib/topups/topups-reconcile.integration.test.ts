import { describe, expect, it } from "vitest";

import { listHistory } from "@/db/queries/history";
import { acquireLease } from "@/db/queries/leases";
import { getTopup, changeTopupAtomically } from "@/db/queries/topups";
import { reconcileTopups } from "@/lib/reconciler/reconcile-topups";
import { updateSettings } from "@/lib/settings/settings";
import { waitFor } from "@/lib/testing/receiver";
import { topupHarness } from "@/lib/testing/topup-harness";

import { createTopup } from "./create-topup";
import { requeryTopup } from "./requery-topup";

const h = topupHarness();

describe("re-query and reconciler", () => {
  it("re-query applies the upstream's answer; an order without orderID cannot be re-queried", async () => {
    h.sandbox.faults.set([{ op: "callback", kind: "drop" }]);
    const { topup } = await createTopup(h.deps, h.person, h.order());
    await waitFor(() => h.upstreamOrdersFor(topup.refId)[0]?.status === "succeeded" || undefined);
    const after = await requeryTopup(h.deps, topup.refId, { actor: "user:1", source: "requery" });
    expect(after.status).toBe("succeeded");

    h.sandbox.faults.set([{ op: "create", kind: "timeout", times: 1 }]);
    const unknown = await createTopup(h.deps, h.person, h.order());
    expect(unknown.topup.status).toBe("unknown");
    await expect(
      requeryTopup(h.deps, unknown.topup.refId, { actor: "user:1", source: "requery" }),
    ).rejects.toMatchObject({
      code: "NO_ORDER_ID",
    });
  });

  it("converges when every callback is dropped", async () => {
    h.sandbox.faults.set([{ op: "callback", kind: "drop" }]);
    const created = await Promise.all(
      [1, 2, 3].map(() => createTopup(h.deps, h.person, h.order())),
    );
    await waitFor(
      () =>
        created.every((c) => h.upstreamOrdersFor(c.topup.refId)[0]?.status === "succeeded") ||
        undefined,
    );
    const later = new Date(Date.now() + 3 * 60_000);
    const summary = await reconcileTopups(h.deps, later);
    expect(summary.checked).toBe(3);
    for (const c of created) {
      const row = await getTopup(h.db, c.topup.refId);
      expect(row).toMatchObject({ status: "succeeded", nextCheckAt: null });
      const last = (await listHistory(h.db, "topup", c.topup.refId)).at(-1);
      expect([last?.source, last?.actor]).toEqual(["reconciler", "system:reconciler"]);
    }
  });

  it("reschedules with growing gaps and marks an order stuck after the stuck-after setting", async () => {
    h.sandbox.config.completeAfterMs = 3_600_000;
    h.sandbox.faults.set([{ op: "callback", kind: "drop" }]);
    const { topup } = await createTopup(h.deps, h.person, h.order());
    await reconcileTopups(h.deps, new Date(Date.now() + 3 * 60_000));
    const once = await getTopup(h.db, topup.refId);
    expect(once?.reconcileAttempts).toBe(1);
    const gap = (once?.nextCheckAt?.getTime() ?? 0) - (Date.now() + 3 * 60_000);
    expect(gap).toBeGreaterThan(3.5 * 60_000);
    expect(gap).toBeLessThan(6.5 * 60_000);

    // 24 h by default: 3 hours later it is only looked at again …
    const hours = (n: number) => new Date(topup.createdAt.getTime() + n * 3_600_000);
    await reconcileTopups(h.deps, hours(3));
    expect((await getTopup(h.db, topup.refId))?.needsReview).toBeNull();
    // … until an administrator lowers the setting to 2 hours: the next pass gives up on it.
    await updateSettings(h.db, h.person, { stuckAfterHours: 2 });
    await reconcileTopups(h.deps, hours(3.5));
    const stuck = await getTopup(h.db, topup.refId);
    expect(stuck).toMatchObject({ needsReview: "stuck", nextCheckAt: null, completedAt: null });
    expect(["pending", "processing"]).toContain(stuck?.status);
  });

  it("turns a `submitting` order whose create never finished into unknown, without sending it", async () => {
    const { topup } = await createTopup(h.deps, h.person, h.order());
    await changeTopupAtomically(h.db, topup.refId, () => ({
      result: "test",
      update: { status: "submitting", orderId: null, nextCheckAt: new Date() },
    }));
    await reconcileTopups(h.deps, new Date(Date.now() + 3 * 60_000));
    expect(await getTopup(h.db, topup.refId)).toMatchObject({
      status: "unknown",
      needsReview: "unknown_outcome",
    });
    expect(h.upstreamOrdersFor(topup.refId)).toHaveLength(1);
  });

  it("lets only one process hold the reconciler lease until it expires", async () => {
    expect(await acquireLease(h.db, "reconciler", "a", 1_000, 10_000)).toBe(true);
    expect(await acquireLease(h.db, "reconciler", "b", 1_000, 10_500)).toBe(false);
    expect(await acquireLease(h.db, "reconciler", "a", 1_000, 10_900)).toBe(true);
    expect(await acquireLease(h.db, "reconciler", "b", 1_000, 12_000)).toBe(true);
  });
});
