import { and, eq, isNull } from "drizzle-orm";
import { rawQuery } from "@/db/raw";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { reissueBlockerIn } from "@/db/queries/approvals";
import { changeTopupAtomically, insertTopupOnce } from "@/db/queries/topups";
import { reviewItems, TOPUP_STATUSES, type TopupStatus } from "@/db/schema";
import { tempDb } from "@/db/testing/temp-db";
import { AppError } from "@/lib/errors";
import { seedCatalog, seedUser } from "@/lib/testing/fixtures";
import { planTopupObservation, planTopupStuck, planTopupUnknown } from "@/lib/topups/observe";

import { outcomesFor } from "./outcomes";
import { claimReviewItem, releaseReviewItem, resolveReviewItem } from "./review";

/**
 * The review state machine under random interleavings: upstream reports (callbacks and
 * re-queries, in any order, any status), the reconciler giving up, and two people claiming,
 * releasing and deciding. Whatever happens: never two open items for one order and reason,
 * a decided item stays decided, and an order that is not `failed` is never re-issuable.
 */
const step = fc.oneof(
  fc.record({ kind: fc.constant("report" as const), status: fc.constantFrom(...TOPUP_STATUSES) }),
  fc.record({ kind: fc.constant("stuck" as const) }),
  fc.record({
    kind: fc.constantFrom("claim" as const, "release" as const),
    who: fc.integer({ min: 0, max: 1 }),
  }),
  fc.record({
    kind: fc.constant("decide" as const),
    who: fc.integer({ min: 0, max: 1 }),
    pick: fc.nat(),
  }),
);

describe("the review state machine", () => {
  it("keeps its rules under random callbacks, re-queries and decisions", async () => {
    const db = tempDb();
    await seedCatalog(db);
    const people = await Promise.all(
      ["ann@example.com", "ben@example.com"].map(async (email, i) => {
        const user = await seedUser(db, "manager", email);
        return { id: user.id, email: user.email, ip: `10.0.0.${i + 1}` };
      }),
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const refId = `TU-PROP-${++n}`;
        await insertTopupOnce(
          db,
          {
            refId,
            packageId: "ROLTH_A01_P001",
            topupInfo: { gameid: "p", server: "1" },
            status: "submitting",
            priceSatang: 10_000,
            createdBy: people[0]?.id ?? 1,
            idempotencyKey: refId,
            requestHash: "h",
          },
          {
            fromStatus: null,
            toStatus: "submitting",
            kind: "applied",
            source: "create",
            actor: "t",
          },
        );
        await changeTopupAtomically(db, refId, (row) =>
          planTopupUnknown(row, { source: "create", actor: "t" }),
        );
        const decided = new Map<number, string | null>();
        for (const s of steps) {
          const open = await db
            .select()
            .from(reviewItems)
            .where(and(eq(reviewItems.entityId, refId), isNull(reviewItems.resolvedAt)));
          const item = open[0];
          const person = people["who" in s ? s.who : 0];
          try {
            if (s.kind === "report") {
              await changeTopupAtomically(db, refId, (row) =>
                planTopupObservation(row, {
                  source: "callback",
                  actor: "p2w",
                  status: s.status as TopupStatus,
                  orderId: `P2W-${refId}`,
                }),
              );
            } else if (s.kind === "stuck") {
              await changeTopupAtomically(db, refId, (row) =>
                planTopupStuck(row, { source: "reconciler", actor: "r" }),
              );
            } else if (item && person && s.kind === "claim") {
              await claimReviewItem(db, person, item.id);
            } else if (item && person && s.kind === "release") {
              await releaseReviewItem(db, person, item.id);
            } else if (item && person && s.kind === "decide") {
              const outcomes = outcomesFor(item.kind, item.reason);
              const outcome = outcomes[s.pick % outcomes.length] ?? "no_action";
              await resolveReviewItem(db, person, item.id, { outcome, note: "checked it" });
              decided.set(item.id, outcome);
            }
          } catch (error) {
            // Refusals are answers (someone else holds it), never half-applied changes.
            if (!(error instanceof AppError) || error.code !== "CLAIMED") throw error;
          }

          const all = await db.select().from(reviewItems).where(eq(reviewItems.entityId, refId));
          const openReasons = all.filter((i) => !i.resolvedAt).map((i) => i.reason);
          expect(new Set(openReasons).size).toBe(openReasons.length);
          for (const [id, outcome] of decided) {
            expect(all.find((i) => i.id === id)?.outcome).toBe(outcome);
          }
          const order = (
            await rawQuery(db, "select status from topups where ref_id = ?", [refId])
          )[0] as { status: string };
          if (order.status !== "failed") expect(await reissueBlockerIn(db, refId)).not.toBeNull();
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
