import { describe, expect, it } from "vitest";

import { lastBalance } from "@/db/queries/balance";
import {
  listCallbacksFor,
  listDroppedRefusals,
  REFUSED_BODIES_PER_MINUTE,
} from "@/db/queries/callbacks";
import { listHistory } from "@/db/queries/history";
import { getTopup } from "@/db/queries/topups";
import { hookToken } from "@/lib/p2w/hook-token";
import { waitFor } from "@/lib/testing/receiver";
import { topupHarness, WEBHOOK_SECRET } from "@/lib/testing/topup-harness";

import { createTopup } from "./create-topup";

const h = topupHarness();

/** A P2W callback body about this order, as P2W sends it. */
const report = (topup: { orderId: string | null; refId: string }, status: string, reason = "") => ({
  orderID: topup.orderId,
  refID: topup.refId,
  status,
  balance: 1,
  reason,
});

describe("callbacks", () => {
  it("applies a duplicated callback once", async () => {
    h.sandbox.faults.set([{ op: "callback", kind: "duplicate", times: 1 }]);
    const { topup } = await createTopup(h.deps, h.person, h.order());
    await waitFor(
      async () => (await listCallbacksFor(h.db, [topup.refId])).length === 2 || undefined,
    );
    const results = await waitFor(async () => {
      const rows = await listCallbacksFor(h.db, [topup.refId]);
      return rows.every((r) => r.result !== "received") && rows.map((r) => r.result).sort();
    });
    expect(results).toEqual(["applied", "duplicate"]);
    expect(
      (await listHistory(h.db, "topup", topup.refId)).filter((h) => h.source === "callback"),
    ).toHaveLength(1);
  });

  it("a final callback that P2W's read contradicts does not block the real one", async () => {
    h.sandbox.config.completeAfterMs = 60_000;
    const { topup } = await createTopup(h.deps, h.person, h.order());
    const body = report(topup, "successed");
    // Sent early (P2W still says pending or processing): kept as evidence, nothing final.
    expect(await h.postCallback(body)).toBe(200);
    const early = await waitFor(async () =>
      (await listCallbacksFor(h.db, [topup.refId])).find((c) => c.result === "contradicted"),
    );
    expect(early.detail).toMatch(/callback said successed, the upstream says (pending|processing)/);
    expect((await getTopup(h.db, topup.refId))?.status).not.toBe("succeeded");

    // P2W really completes it and sends the same report: applied at once, not a duplicate.
    const control = new URL(`/__control/orders/${topup.orderId}/complete`, h.sandbox.baseUrl);
    await fetch(control, { method: "POST", body: JSON.stringify({ status: "succeeded" }) });
    await waitFor(
      async () => (await getTopup(h.db, topup.refId))?.status === "succeeded" || undefined,
      3_000,
    );
    const results = (await listCallbacksFor(h.db, [topup.refId])).map((c) => c.result);
    expect(results).toContain("applied");
    expect(results).not.toContain("duplicate");
  });

  it("a replayed hookURL with another body moves nothing and sets no balance until P2W's read agrees", async () => {
    h.sandbox.config.completeAfterMs = 60_000;
    h.sandbox.config.processingAfterMs = 60_000;
    try {
      const { topup } = await createTopup(h.deps, h.person, h.order());
      // The hookURL leaked: a non-final report with a 1-satang balance, while P2W says pending.
      expect(await h.postCallback({ ...report(topup, "processing"), balance: 0.01 })).toBe(200);
      const forged = await waitFor(async () =>
        (await listCallbacksFor(h.db, [topup.refId])).find((c) => c.result !== "received"),
      );
      expect(forged.result).toBe("contradicted");
      expect((await getTopup(h.db, topup.refId))?.status).toBe("pending");
      expect(await lastBalance(h.db, "p2w", { includeUnconfirmed: true })).toBeNull();

      // P2W really completes it: the real callback's balance is recorded, confirmed.
      const control = new URL(`/__control/orders/${topup.orderId}/complete`, h.sandbox.baseUrl);
      await fetch(control, { method: "POST", body: JSON.stringify({ status: "succeeded" }) });
      await waitFor(
        async () => (await getTopup(h.db, topup.refId))?.status === "succeeded" || undefined,
        3_000,
      );
      const real = await waitFor(async () => (await lastBalance(h.db, "p2w")) ?? undefined);
      expect(real).toMatchObject({ confirmed: true });
      expect(real.balanceSatang).toBe(h.sandbox.balanceSatang);

      // The same final report replayed with a forged balance is a duplicate: nothing moves.
      expect(await h.postCallback({ ...report(topup, "successed"), balance: 0.01 })).toBe(200);
      await waitFor(async () =>
        (await listCallbacksFor(h.db, [topup.refId])).find((c) => c.result === "duplicate"),
      );
      expect((await lastBalance(h.db, "p2w", { includeUnconfirmed: true }))?.balanceSatang).toBe(
        real.balanceSatang,
      );
    } finally {
      h.sandbox.config.processingAfterMs = 20;
    }
  });

  it("without confirmation, a callback's balance is kept but marked unconfirmed", async () => {
    h.deps = { ...h.deps, confirmCallbacks: false };
    const { topup } = await createTopup(h.deps, h.person, h.order());
    await waitFor(
      async () => (await getTopup(h.db, topup.refId))?.status === "succeeded" || undefined,
    );
    const figure = await waitFor(
      async () => (await lastBalance(h.db, "p2w", { includeUnconfirmed: true })) ?? undefined,
    );
    expect(figure).toMatchObject({ confirmed: false, source: expect.stringMatching(/^callback:/) });
    expect(await lastBalance(h.db, "p2w")).toBeNull();
  });

  it("keeps refused callbacks whole only up to a bound per address and minute, and counts the rest", async () => {
    const { topup } = await createTopup(h.deps, h.person, h.order());
    const body = report(topup, "successed");
    const flood = REFUSED_BODIES_PER_MINUTE.perAddress + 7;
    for (let i = 0; i < flood; i++)
      expect(await h.postCallback(body, hookToken("forger", topup.refId))).toBe(401);
    const stored = await listCallbacksFor(h.db, [topup.refId]);
    expect(stored.filter((c) => c.verification === "bad_token")).toHaveLength(
      REFUSED_BODIES_PER_MINUTE.perAddress,
    );
    const dropped = await listDroppedRefusals(h.db, new Date(Date.now() - 120_000));
    expect(dropped.reduce((sum, t) => sum + t.dropped, 0)).toBe(7);
    expect(dropped[0]).toMatchObject({ upstream: "p2w" });

    // An accepted callback is always stored whole, flood or not.
    await waitFor(
      async () => (await getTopup(h.db, topup.refId))?.status === "succeeded" || undefined,
    );
    expect((await listCallbacksFor(h.db, [topup.refId])).some((c) => c.verification === "ok")).toBe(
      true,
    );
  });

  it("refuses a forged callback with 401 and changes nothing", async () => {
    h.sandbox.config.completeAfterMs = 60_000;
    const { topup } = await createTopup(h.deps, h.person, h.order());
    const body = report(topup, "successed");
    expect(await h.postCallback(body, hookToken("wrong-secret", topup.refId))).toBe(401);
    expect(await h.postCallback(body, "")).toBe(401);
    const other = await createTopup(h.deps, h.person, h.order());
    expect(await h.postCallback(body, hookToken(WEBHOOK_SECRET, other.topup.refId))).toBe(401);
    expect((await getTopup(h.db, topup.refId))?.status).toBe("pending");
    const stored = await listCallbacksFor(h.db, [topup.refId]);
    expect(stored.map((c) => [c.verification, c.result])).toEqual([
      ["bad_token", "rejected"],
      ["bad_token", "rejected"],
      ["bad_token", "rejected"],
    ]);
  });

  it("confirms a final status by re-query: a false `failed` hint does not fail a succeeded order", async () => {
    const { topup } = await createTopup(h.deps, h.person, h.order());
    await waitFor(
      async () => (await getTopup(h.db, topup.refId))?.status === "succeeded" || undefined,
    );
    expect(await h.postCallback(report(topup, "failed", "x"))).toBe(200);
    await waitFor(
      async () =>
        (await listCallbacksFor(h.db, [topup.refId])).some((c) => c.result === "contradicted") ||
        undefined,
    );
    expect(await getTopup(h.db, topup.refId)).toMatchObject({
      status: "succeeded",
      needsReview: null,
    });
  });

  it("without confirmation, records a contradiction of a final state as a conflict and a late report as stale", async () => {
    h.deps = { ...h.deps, confirmCallbacks: false };
    const { topup } = await createTopup(h.deps, h.person, h.order());
    await waitFor(
      async () => (await getTopup(h.db, topup.refId))?.status === "succeeded" || undefined,
    );
    await h.postCallback(report(topup, "processing"));
    await h.postCallback(report(topup, "failed", "late"));
    const kinds = await waitFor(async () => {
      const history = await listHistory(h.db, "topup", topup.refId);
      return history.length >= 5 && history.slice(3).map((e) => [e.kind, e.toStatus]);
    });
    // The worker processes the two at once: either may take the order's lock first.
    expect(kinds.sort()).toEqual([
      ["conflict", "failed"],
      ["stale", "processing"],
    ]);
    expect(await getTopup(h.db, topup.refId)).toMatchObject({
      status: "succeeded",
      needsReview: "conflict",
    });
  });

  it("records an unknown status word as an anomaly without applying it", async () => {
    h.sandbox.config.completeAfterMs = 60_000;
    h.deps = { ...h.deps, confirmCallbacks: false };
    const { topup } = await createTopup(h.deps, h.person, h.order());
    await h.postCallback(report(topup, "refunded"));
    const row = await waitFor(async () => {
      const r = await getTopup(h.db, topup.refId);
      return r?.needsReview === "anomaly" ? r : undefined;
    });
    expect(row.status).toBe("pending");
  });
});
