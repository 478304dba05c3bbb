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
