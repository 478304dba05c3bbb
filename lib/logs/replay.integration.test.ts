import { describe, expect, it } from "vitest";

import { getCallback, listCallbacksFor } from "@/db/queries/callbacks";
import { listHistory } from "@/db/queries/history";
import { getTopup } from "@/db/queries/topups";
import { listAudit } from "@/db/queries/audit";
import { AppError } from "@/lib/errors";
import { waitFor } from "@/lib/testing/receiver";
import { topupHarness } from "@/lib/testing/topup-harness";
import { createTopup } from "@/lib/topups/create-topup";
import type { WithdrawalDeps } from "@/lib/withdrawals/deps";

import { replayCallback, replayCallbacks } from "./replay";

const h = topupHarness();

/** Replay needs both upstreams' deps; these tests replay P2W callbacks only. */
const deps = () => ({ topups: h.deps, withdrawals: { db: h.db } as WithdrawalDeps });

const report = (topup: { orderId: string | null; refId: string }, status: string) => ({
  orderID: topup.orderId,
  refID: topup.refId,
  status,
  balance: 1,
  reason: "",
});

/** The order's callbacks once none is still waiting to be processed. */
async function settled(refId: string) {
  return waitFor(async () => {
    const rows = await listCallbacksFor(h.db, [refId]);
    return rows.length > 0 && rows.every((r) => r.result !== "received") && rows;
  });
}

async function succeededTopup() {
  const { topup } = await createTopup(h.deps, h.person, h.order());
  await waitFor(
    async () => (await getTopup(h.db, topup.refId))?.status === "succeeded" || undefined,
  );
  const [callback] = await settled(topup.refId);
  if (!callback) throw new Error("no callback");
  return { topup: (await getTopup(h.db, topup.refId))!, callback };
}

const callbackHistory = async (refId: string) =>
  (await listHistory(h.db, "topup", refId)).filter((e) => e.source === "callback");

describe("replaying a stored callback", () => {
  it("an applied callback stays applied, and the order changed once", async () => {
    const { topup, callback } = await succeededTopup();
    expect(callback.result).toBe("applied");
    const replayed = await replayCallback(deps(), callback.id, h.person);
    expect(replayed).toMatchObject({
      result: "applied",
      replay: { count: 1, result: "duplicate", by: expect.any(String) },
    });
    expect(await callbackHistory(topup.refId)).toHaveLength(1);
    const [audit] = (await listAudit(h.db, { limit: 5 })).filter(
      (a) => a.action === "callback.replay",
    );
    expect(audit).toMatchObject({ targetId: String(callback.id), actorId: h.person.id });
    expect(audit?.details).toMatchObject({ before: "applied", outcome: "duplicate" });
  });

  it("a duplicate stays a duplicate", async () => {
    const { topup } = await succeededTopup();
    expect(await h.postCallback(report(topup, "successed"))).toBe(200);
    const duplicate = await waitFor(async () =>
      (await listCallbacksFor(h.db, [topup.refId])).find((c) => c.result === "duplicate"),
    );
    const replayed = await replayCallback(deps(), duplicate.id, h.person);
    expect(replayed).toMatchObject({ result: "duplicate", replay: { result: "duplicate" } });
    expect(await callbackHistory(topup.refId)).toHaveLength(1);
  });

  it("a stale report stays stale", async () => {
    h.deps = { ...h.deps, confirmCallbacks: false };
    const { topup } = await succeededTopup();
    expect(await h.postCallback(report(topup, "processing"))).toBe(200);
    const stale = await waitFor(async () =>
      (await listCallbacksFor(h.db, [topup.refId])).find((c) => c.result === "stale"),
    );
    const before = (await listHistory(h.db, "topup", topup.refId)).length;
    const replayed = await replayCallback(deps(), stale.id, h.person);
    expect(replayed).toMatchObject({ result: "stale", replay: { result: "duplicate" } });
    expect(await listHistory(h.db, "topup", topup.refId)).toHaveLength(before);
    expect((await getTopup(h.db, topup.refId))?.status).toBe("succeeded");
  });

  it("an anomaly is found again and changes nothing", async () => {
    const { topup: a } = await succeededTopup();
    const { topup: b } = await succeededTopup();
    // B's token, but A's orderID: the body names an order that belongs to another refID.
    expect(await h.postCallback({ ...report(b, "successed"), orderID: a.orderId })).toBe(200);
    const anomaly = await waitFor(async () =>
      (await listCallbacksFor(h.db, [b.refId])).find((c) => c.result === "anomaly"),
    );
    const replayed = await replayCallback(deps(), anomaly.id, h.person);
    expect(replayed).toMatchObject({ result: "anomaly", replay: { result: "anomaly" } });
    expect((await getTopup(h.db, a.refId))?.status).toBe("succeeded");
  });

  it("a callback whose confirming read failed applies when replayed", async () => {
    h.sandbox.faults.set([{ op: "get", kind: "5xx" }]);
    const { topup } = await createTopup(h.deps, h.person, h.order());
    const [failed] = await settled(topup.refId);
    expect(failed?.result).toBe("retry");
    expect((await getTopup(h.db, topup.refId))?.status).not.toBe("succeeded");

    h.sandbox.faults.set([]);
    const [answer] = await replayCallbacks(deps(), [failed!.id], h.person);
    expect(answer).toMatchObject({
      ok: true,
      callback: { result: "applied", replay: { result: "applied" } },
    });
    expect((await getTopup(h.db, topup.refId))?.status).toBe("succeeded");
    expect(await callbackHistory(topup.refId)).toHaveLength(1);
  });

  it("a refused callback cannot be replayed (409 NOT_REPLAYABLE) and is left as it was", async () => {
    const { topup } = await createTopup(h.deps, h.person, h.order());
    expect(await h.postCallback(report(topup, "successed"), "forged-token")).toBe(401);
    const refused = await waitFor(async () =>
      (await listCallbacksFor(h.db, [topup.refId])).find((c) => c.verification === "bad_token"),
    );
    const error = await replayCallback(deps(), refused.id, h.person).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: "NOT_REPLAYABLE",
      status: 409,
      params: { why: "refused" },
    });
    expect(await getCallback(h.db, refused.id)).toMatchObject({ result: "rejected", replays: 0 });
    const [answer] = await replayCallbacks(deps(), [refused.id], h.person);
    expect(answer).toMatchObject({ ok: false, error: { code: "NOT_REPLAYABLE", why: "refused" } });
  });
});
