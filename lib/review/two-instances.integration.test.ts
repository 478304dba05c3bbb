import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { type Db, openDb } from "@/db/client";
import { reviewItems, topups } from "@/db/schema";
import { updateSettings } from "@/lib/settings/settings";
import { seedManagers, seedUser } from "@/lib/testing/fixtures";
import { topupHarness } from "@/lib/testing/topup-harness";
import { createTopup } from "@/lib/topups/create-topup";

import { approveReissue, requestReissue } from "./reissue";
import { claimReviewItem, resolveReviewItem } from "./review";

/**
 * What two instances behind a load balancer decide on one database: each side here has a
 * handle (a pool, on PostgreSQL) of its own, as two processes do, and both act at once.
 * The database decides; neither instance holds anything the other does not see.
 */
const h = topupHarness();
let other: Db;
beforeEach(() => {
  other = openDb(h.db.$store.location);
});
afterEach(() => other.$store.close());

/** The same dependencies as the first instance's, on the second instance's handle. */
const onOther = () => ({ ...h.deps, db: other });

const managers = () => seedManagers(h.db);

/** A create whose outcome is unknown (P2W answered 5xx): an open review item. */
async function unknownOutcome() {
  h.sandbox.faults.set([{ op: "create", kind: "5xx", times: 1 }]);
  const { topup } = await createTopup(h.deps, h.person, h.order());
  const [item] = (await h.db.select().from(reviewItems)).filter(
    (i) => i.entityId === topup.refId && !i.resolvedAt,
  );
  if (!item) throw new Error("no open review item");
  return { topup, item };
}

const codeOf = (outcome: PromiseSettledResult<unknown>) =>
  outcome.status === "fulfilled" ? "ok" : (outcome.reason as { code?: string }).code;

describe("two instances on one database", () => {
  it("one top-up per idempotency key, the same request sent to both at once", async () => {
    for (let round = 0; round < 5; round++) {
      const order = h.order({ idempotencyKey: `both-${round}` });
      const [a, b] = await Promise.all([
        createTopup(h.deps, h.person, order),
        createTopup(onOther(), h.person, order),
      ]);
      expect(a.topup.refId).toBe(b.topup.refId);
      const made = await other
        .select()
        .from(topups)
        .where(eq(topups.idempotencyKey, `both-${round}`));
      expect(made).toHaveLength(1);
      expect(h.upstreamOrdersFor(a.topup.refId)).toHaveLength(1);
    }
  });

  it("a review item claimed on one instance is claimed on the other; one decision wins", async () => {
    const [ann, ben] = await managers();
    const { item } = await unknownOutcome();
    const claims = await Promise.allSettled([
      claimReviewItem(h.db, ann, item.id),
      claimReviewItem(other, ben, item.id),
    ]);
    expect(claims.map(codeOf).sort()).toEqual(["CLAIMED", "ok"]);
    const winner = claims[0]?.status === "fulfilled" ? ann : ben;
    const decisions = await Promise.allSettled([
      resolveReviewItem(h.db, winner, item.id, { outcome: "delivered", note: "in game log" }),
      resolveReviewItem(other, winner, item.id, { outcome: "not_delivered", note: "not there" }),
    ]);
    expect(decisions.map(codeOf).sort()).toEqual(["ALREADY_RESOLVED", "ok"]);
  });

  it("two approvals of one re-issue on two instances send one order", async () => {
    const [ann, ben] = await managers();
    await updateSettings(h.db, ann, { reissueApprovalBaht: 50 });
    const { topup, item } = await unknownOutcome();
    await resolveReviewItem(h.db, ann, item.id, {
      outcome: "not_delivered",
      note: "confirmed by P2W",
    });
    const requested = await requestReissue(h.deps, ann, topup.refId, {
      note: "customer waits",
      idempotencyKey: "two-instances",
    });
    if (requested.kind !== "approval") throw new Error("expected an approval request");
    const carl = await seedUser(h.db, "admin", "carl@example.com");
    const approvals = await Promise.allSettled([
      approveReissue(h.deps, ben, requested.approval.id, { note: "approved, checked" }),
      approveReissue(
        onOther(),
        { id: carl.id, email: carl.email, ip: "10.0.0.9" },
        requested.approval.id,
        { note: "approved as well" },
      ),
    ]);
    expect(approvals.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    const reissues = await other.select().from(topups).where(eq(topups.reissueOf, topup.refId));
    expect(reissues).toHaveLength(1);
    expect(h.upstreamOrdersFor(reissues[0]?.refId ?? "")).toHaveLength(1);
  });
});
