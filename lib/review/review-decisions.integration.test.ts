import { setTimeout as sleep } from "node:timers/promises";

import { and, eq } from "drizzle-orm";
import { withTx } from "@/db/client";
import { describe, expect, it } from "vitest";

import { listHistory } from "@/db/queries/history";
import { changeTopupAtomically, getTopup } from "@/db/queries/topups";
import { approvals, auditLog, reviewItems, topups } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { updateSettings } from "@/lib/settings/settings";
import { seedManagers, seedUser } from "@/lib/testing/fixtures";
import { waitFor } from "@/lib/testing/receiver";
import { topupHarness } from "@/lib/testing/topup-harness";
import { createTopup } from "@/lib/topups/create-topup";
import { planTopupObservation } from "@/lib/topups/observe";

import { approveReissue, rejectReissue, requestReissue } from "./reissue";
import { claimReviewItem, releaseReviewItem, resolveReviewItem } from "./review";

const h = topupHarness();

const itemsOf = async (refId: string) =>
  (await h.db.select().from(reviewItems)).filter((i) => i.entityId === refId);
const openItem = async (refId: string, reason: string) => {
  const item = (await itemsOf(refId)).find((i) => i.reason === reason && !i.resolvedAt);
  if (!item) throw new Error(`no open ${reason} item for ${refId}`);
  return item;
};

const managers = () => seedManagers(h.db);

/** P2W answered 5xx: the create's outcome is unknown, and P2W never made the order. */
async function unknownTopup() {
  h.sandbox.faults.set([{ op: "create", kind: "5xx", times: 1 }]);
  const { topup } = await createTopup(h.deps, h.person, h.order());
  expect(topup.status).toBe("unknown");
  return topup;
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("deciding review items", () => {
  it("an unknown outcome decided not_delivered becomes failed by a person, then is re-issued once", async () => {
    const [ann] = await managers();
    const old = await unknownTopup();
    const unknown = await openItem(old.refId, "unknown_outcome");

    const decided = await resolveReviewItem(h.db, ann, unknown.id, {
      outcome: "not_delivered",
      note: "P2W support: never received",
    });
    expect(decided).toMatchObject({ outcome: "not_delivered", resolvedBy: ann.id });
    const failed = await getTopup(h.db, old.refId);
    expect(failed).toMatchObject({ status: "failed", needsReview: null });
    const history = await listHistory(h.db, "topup", old.refId);
    expect(history.at(-1)).toMatchObject({
      source: "person",
      actor: `user:${ann.id}`,
      toStatus: "failed",
      details: expect.objectContaining({ outcome: "not_delivered" }) as unknown,
    });
    const failedItem = await openItem(old.refId, "failed");

    const result = await requestReissue(h.deps, ann, old.refId, { note: "customer waits, resend" });
    if (result.kind !== "sent") throw new Error("expected the re-issue to be sent");
    expect(result.topup).toMatchObject({ reissueOf: old.refId, packageId: old.packageId });
    expect(result.topup.refId).not.toBe(old.refId);
    expect(h.upstreamOrdersFor(result.topup.refId)).toHaveLength(1);
    expect((await itemsOf(old.refId)).find((i) => i.id === failedItem.id)).toMatchObject({
      outcome: "reissued",
      resolvedBy: ann.id,
    });

    const again = await refusal(
      requestReissue(h.deps, ann, old.refId, { note: "once more please" }),
    );
    expect(again).toMatchObject({ code: "NOT_REISSUABLE", params: { why: "reissued" } });
    const linked = await h.db.select().from(topups).where(eq(topups.reissueOf, old.refId));
    expect(linked).toHaveLength(1);
  });

  it("refuses a re-issue of an order that may still succeed, a short note and a foreign outcome", async () => {
    const [ann] = await managers();
    const old = await unknownTopup();
    const item = await openItem(old.refId, "unknown_outcome");
    expect(
      await refusal(requestReissue(h.deps, ann, old.refId, { note: "resend it" })),
    ).toMatchObject({
      code: "NOT_REISSUABLE",
      params: { why: "not_failed" },
    });
    expect(
      await refusal(resolveReviewItem(h.db, ann, item.id, { outcome: "delivered", note: " ok " })),
    ).toMatchObject({ code: "NOTE_TOO_SHORT", status: 422 });
    expect(
      await refusal(resolveReviewItem(h.db, ann, item.id, { outcome: "paid", note: "looks paid" })),
    ).toMatchObject({ code: "OUTCOME_NOT_ALLOWED", status: 422 });
    expect(await openItem(old.refId, "unknown_outcome")).toMatchObject({ outcome: null });
    expect((await getTopup(h.db, old.refId))?.status).toBe("unknown");
  });

  it("a claim is refused to another person until released or timed out; one of two decisions wins", async () => {
    const [ann, ben] = await managers();
    const old = await unknownTopup();
    const item = await openItem(old.refId, "unknown_outcome");

    await claimReviewItem(h.db, ann, item.id);
    const claimed = await refusal(claimReviewItem(h.db, ben, item.id));
    expect(claimed).toMatchObject({
      code: "CLAIMED",
      status: 409,
      facts: { claimedBy: { id: ann.id } },
    });
    await releaseReviewItem(h.db, ann, item.id);
    await claimReviewItem(h.db, ben, item.id);
    // Ben's claim grows older than the timeout (30 minutes by default): Ann may take it.
    await withTx(h.db, (tx) =>
      tx
        .update(reviewItems)
        .set({ claimedAt: new Date(Date.now() - 31 * 60_000) })
        .where(eq(reviewItems.id, item.id)),
    );
    await claimReviewItem(h.db, ann, item.id);

    const outcomes = await Promise.allSettled([
      resolveReviewItem(h.db, ann, item.id, { outcome: "delivered", note: "seen in game log" }),
      resolveReviewItem(h.db, ann, item.id, { outcome: "not_delivered", note: "not in game log" }),
    ]);
    const refused = outcomes.filter((o) => o.status === "rejected");
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({
      code: "ALREADY_RESOLVED",
    });
    const history = await listHistory(h.db, "topup", old.refId);
    expect(
      history.filter((e) => e.source === "person" && e.kind !== "claim" && e.kind !== "release"),
    ).toHaveLength(1);
    const audits = await h.db.select().from(auditLog).where(eq(auditLog.targetId, old.refId));
    expect(audits.map((a) => a.action).sort()).toEqual(
      [
        "review.claim",
        "review.claim",
        "review.claim",
        "review.release",
        "review.resolve",
        "topup.create",
      ].sort(),
    );
  });

  it("a person's decision later contradicted by P2W re-opens the order as a conflict", async () => {
    const [ann] = await managers();
    // P2W takes its time: no callback before the manager decides.
    h.sandbox.config.processingAfterMs = 60_000;
    h.sandbox.config.completeAfterMs = 60_000;
    h.sandbox.faults.set([{ op: "create", kind: "reset_after_commit", times: 1 }]);
    const { topup } = await createTopup(h.deps, h.person, h.order());
    const item = await openItem(topup.refId, "unknown_outcome");
    await resolveReviewItem(h.db, ann, item.id, {
      outcome: "not_delivered",
      note: "nothing in game",
    });
    expect((await getTopup(h.db, topup.refId))?.status).toBe("failed");

    const [upstream] = h.upstreamOrdersFor(topup.refId);
    if (!upstream) throw new Error("P2W should hold the order");
    h.sandbox.finish(upstream.orderID, "succeeded");
    const conflict = await waitFor(() =>
      itemsOf(topup.refId).then((items) => items.find((i) => i.reason === "conflict")),
    );
    expect(conflict.resolvedAt).toBeNull();
    expect((await getTopup(h.db, topup.refId))?.needsReview).toBe("conflict");
  });
});

describe("re-issues that need a second person", () => {
  async function failedAboveThreshold() {
    const [ann, ben] = await managers();
    await updateSettings(h.db, ann, { reissueApprovalBaht: 50 });
    const old = await unknownTopup();
    await resolveReviewItem(h.db, ann, (await openItem(old.refId, "unknown_outcome")).id, {
      outcome: "not_delivered",
      note: "confirmed by P2W",
    });
    return { ann, ben, old };
  }

  it("waits for approval, refuses the requester, and two approvals send one order", async () => {
    const { ann, ben, old } = await failedAboveThreshold();
    const sentBefore = h.sandbox.orders.size;
    const requested = await requestReissue(h.deps, ann, old.refId, {
      note: "customer waits",
      idempotencyKey: "reissue-key-1",
    });
    if (requested.kind !== "approval") throw new Error("expected an approval request");
    expect(requested.approval.status).toBe("pending");
    expect(h.sandbox.orders.size).toBe(sentBefore);
    const retried = await requestReissue(h.deps, ann, old.refId, {
      note: "customer waits",
      idempotencyKey: "reissue-key-1",
    });
    expect(retried).toMatchObject({ kind: "approval", created: false });
    expect(retried.kind === "approval" && retried.approval.id).toBe(requested.approval.id);

    const own = await refusal(
      approveReissue(h.deps, ann, requested.approval.id, { note: "fine by me" }),
    );
    expect(own).toMatchObject({ code: "SAME_PERSON", status: 403 });

    const carl = await seedUser(h.db, "admin", "carl@example.com");
    const results = await Promise.allSettled([
      approveReissue(h.deps, ben, requested.approval.id, { note: "approved, checked" }),
      approveReissue(
        h.deps,
        { id: carl.id, email: carl.email, ip: "10.0.0.9" },
        requested.approval.id,
        {
          note: "approved too",
        },
      ),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const reissues = await h.db.select().from(topups).where(eq(topups.reissueOf, old.refId));
    expect(reissues).toHaveLength(1);
    expect(h.upstreamOrdersFor(reissues[0]?.refId ?? "")).toHaveLength(1);
    const [approval] = await h.db.select().from(approvals).where(eq(approvals.refId, old.refId));
    expect(approval).toMatchObject({ status: "approved", reissueRefId: reissues[0]?.refId });
    expect(await openItem(old.refId, "failed").catch(() => null)).toBeNull();
  });

  it("a rejection sends nothing; a late success cancels a pending request", async () => {
    const { ann, ben, old } = await failedAboveThreshold();
    h.deps = { ...h.deps, confirmCallbacks: false }; // the made-up late report is taken as sent
    const sentBefore = h.sandbox.orders.size;
    const first = await requestReissue(h.deps, ann, old.refId, { note: "customer waits" });
    if (first.kind !== "approval") throw new Error("expected an approval request");
    await rejectReissue(h.deps, ben, first.approval.id, { note: "refund instead" });
    expect(h.sandbox.orders.size).toBe(sentBefore);

    const second = await requestReissue(h.deps, ann, old.refId, { note: "asking again" });
    if (second.kind !== "approval") throw new Error("expected an approval request");
    // P2W reports the old order delivered after all (a callback naming its refID).
    expect(
      await h.postCallback({
        orderID: "P2W-LATE-1",
        refID: old.refId,
        status: "succeeded",
        balance: 1,
      }),
    ).toBe(200);
    const cancelled = await waitFor(async () => {
      const [row] = await h.db
        .select()
        .from(approvals)
        .where(and(eq(approvals.id, second.approval.id), eq(approvals.status, "cancelled")));
      return row;
    });
    expect(cancelled.note).toBe("late_success");
    const late = await refusal(
      approveReissue(h.deps, ben, second.approval.id, { note: "too late now" }),
    );
    expect(late).toMatchObject({ code: "ALREADY_DECIDED" });
    expect(await h.db.select().from(topups).where(eq(topups.reissueOf, old.refId))).toHaveLength(0);
  });

  it("a late success racing a re-issue request never leaves the request pending", async () => {
    // The request reads the old order (failed) and inserts an approval; the success changes
    // the order and cancels what is pending. Each locks the order first, so whichever comes
    // second sees the other's write: never a pending re-issue of a delivered order.
    // The success starts a little later each round, so some round lands inside the request.
    for (let round = 0; round < 16; round++) {
      const { ann, old } = await failedAboveThreshold();
      const [request] = await Promise.allSettled([
        requestReissue(h.deps, ann, old.refId, { note: "customer waits" }),
        sleep(round).then(() =>
          changeTopupAtomically(h.db, old.refId, (current) =>
            planTopupObservation(current, {
              status: "succeeded",
              orderId: `P2W-RACE-${round}`,
              source: "callback",
              actor: "p2w",
            }),
          ),
        ),
      ]);
      // Failed by a person, delivered says P2W: a conflict for a manager, nothing re-issuable.
      expect((await getTopup(h.db, old.refId))?.needsReview).toBe("conflict");
      const pending = await h.db
        .select()
        .from(approvals)
        .where(and(eq(approvals.refId, old.refId), eq(approvals.status, "pending")));
      expect(pending).toEqual([]);
      // Refused when the success came first; otherwise made, and cancelled by it.
      if (request.status === "rejected")
        expect(request.reason).toMatchObject({ code: "NOT_REISSUABLE" });
      else expect(request.value.kind).toBe("approval");
    }
  });
});
