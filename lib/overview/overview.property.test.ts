import { and, eq, isNull } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { changeTopupAtomically, insertTopupOnce } from "@/db/queries/topups";
import { changeWithdrawalAtomically } from "@/db/queries/withdrawals";
import {
  reviewItems,
  topups,
  TOPUP_STATUSES,
  type TopupStatus,
  WITHDRAWAL_STATUSES,
  withdrawals,
} from "@/db/schema";
import { tempDb } from "@/db/testing/temp-db";
import { AppError } from "@/lib/errors";
import { bangkokDay, bangkokDayStart } from "@/lib/format";
import { outcomesFor } from "@/lib/review/outcomes";
import { resolveReviewItem } from "@/lib/review/review";
import { DEFAULT_SETTINGS } from "@/lib/settings/definitions";
import { seedCatalog, seedUser } from "@/lib/testing/fixtures";
import { planTopupObservation } from "@/lib/topups/observe";
import { planWithdrawalObservation } from "@/lib/withdrawals/observe";

import { AGE_BUCKETS } from "./figures";
import { TOPUP_WAITING_STATUSES } from "@/db/enums";

import { overview } from "./overview";
import { DAY_MS, HOUR_MS, overviewRange, type OverviewRange } from "./range";

/**
 * Every overview figure is kept by roll-ups (triggers) or read through indexes; here each
 * one is recounted the plain way, in JavaScript over every row, after random sequences of
 * creates (around a Bangkok midnight), callbacks and re-queries (any status, any order),
 * managers' decisions and withdrawals, and the two must agree exactly.
 */
const PACKAGES = ["ROLTH_A01_P001", "FF_TH_D100", "ROV_TH_C115"];
const REASONS = ["Invalid game ID", "Server busy", "Out of stock"];
const MINUTES = 36 * 60;

const step = fc.oneof(
  fc.record({
    kind: fc.constant("create" as const),
    minute: fc.integer({ min: -MINUTES, max: MINUTES }),
    pkg: fc.nat(),
    price: fc.integer({ min: 1, max: 500_000 }),
  }),
  fc.record({
    kind: fc.constant("report" as const),
    pick: fc.nat(),
    status: fc.constantFrom(...TOPUP_STATUSES),
    reason: fc.constantFrom(...REASONS),
    source: fc.constantFrom("callback" as const, "requery" as const),
  }),
  fc.record({ kind: fc.constant("decide" as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant("withdrawal" as const),
    minute: fc.integer({ min: -MINUTES, max: MINUTES }),
    status: fc.constantFrom(...WITHDRAWAL_STATUSES),
    amount: fc.integer({ min: 1, max: 9_000_000 }),
  }),
  fc.record({
    kind: fc.constant("withdrawalReport" as const),
    pick: fc.nat(),
    status: fc.constantFrom(...WITHDRAWAL_STATUSES),
  }),
);

const BUCKETS = [
  1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 43200, 86400,
];
const bucketOf = (ms: number) => BUCKETS.find((b) => ms <= b * 1000) ?? 2_147_483_647;

function countBy<T>(rows: T[], key: (row: T) => string, value: (row: T) => number = () => 1) {
  const out: Record<string, number> = {};
  for (const r of rows) out[key(r)] = (out[key(r)] ?? 0) + value(r);
  return out;
}
const nonZero = (o: Record<string, number>) =>
  Object.fromEntries(Object.entries(o).filter(([, n]) => n !== 0));

describe("the overview's figures", () => {
  it("equal a plain recount after any sequence of changes, across Bangkok midnight", async () => {
    const db = tempDb();
    await seedCatalog(db);
    const manager = await seedUser(db, "manager", "mia@example.com");
    const person = { id: manager.id, email: manager.email, ip: "10.0.0.9" };
    const now = new Date();
    const midnight = (bangkokDayStart(bangkokDay(now)) as Date).getTime() - DAY_MS;
    const day = (offset: number) => bangkokDay(midnight + offset * DAY_MS);
    const ranges = [
      [day(-1), day(-1)],
      [day(0), day(0)],
      [day(-1), day(0)],
      [day(-2), day(1)],
    ].map(([from, to]) => overviewRange(from, to, now) as OverviewRange);
    let n = 0;

    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), async (steps) => {
        const refs: string[] = [];
        const payouts: string[] = [];
        for (const s of steps) {
          if (s.kind === "create") {
            const refId = `TU-OV-${++n}`;
            refs.push(refId);
            await insertTopupOnce(
              db,
              {
                refId,
                packageId: PACKAGES[s.pkg % PACKAGES.length] as string,
                topupInfo: { gameid: "p", server: "1" },
                status: "submitting",
                priceSatang: s.price,
                createdBy: manager.id,
                idempotencyKey: refId,
                requestHash: "h",
                createdAt: new Date(midnight + s.minute * 60_000),
              },
              {
                fromStatus: null,
                toStatus: "submitting",
                kind: "applied",
                source: "create",
                actor: "t",
              },
            );
          } else if (s.kind === "report" && refs.length > 0) {
            const refId = refs[s.pick % refs.length] as string;
            await changeTopupAtomically(db, refId, (row) =>
              planTopupObservation(row, {
                source: s.source,
                actor: "p2w",
                status: s.status as TopupStatus,
                orderId: `P2W-${refId}`,
                reason: s.status === "failed" ? s.reason : null,
              }),
            );
          } else if (s.kind === "decide") {
            const [item] = await db
              .select()
              .from(reviewItems)
              .where(and(eq(reviewItems.kind, "topup"), isNull(reviewItems.resolvedAt)))
              .limit(1)
              .offset(s.pick % 3);
            if (item) {
              const outcomes = outcomesFor(item.kind, item.reason);
              try {
                await resolveReviewItem(db, person, item.id, {
                  outcome: outcomes[s.pick % outcomes.length] ?? "no_action",
                  note: "looked at it",
                });
              } catch (error) {
                if (!(error instanceof AppError)) throw error;
              }
            }
          } else if (s.kind === "withdrawal") {
            const id = `WD-OV-${++n}`;
            payouts.push(id);
            await changeWithdrawalAtomically(db, id, (current) =>
              planWithdrawalObservation(
                current,
                {
                  platformOrderId: id,
                  merchantOrderId: `M-${id}`,
                  bank: "KBANK",
                  accountNo: "1234567890",
                  accountName: "Somchai",
                  amountSatang: s.amount,
                  status: s.status,
                  rawStatus: s.status,
                  orderedAt: new Date(midnight + s.minute * 60_000),
                  doneAt: null,
                },
                { source: "callback", actor: "payout" },
              ),
            );
          } else if (s.kind === "withdrawalReport" && payouts.length > 0) {
            const id = payouts[s.pick % payouts.length] as string;
            await changeWithdrawalAtomically(db, id, (current) => {
              if (!current) throw new Error("withdrawal missing");
              return planWithdrawalObservation(
                current,
                { ...current, status: s.status, rawStatus: s.status, doneAt: current.doneAt },
                { source: "requery", actor: "payout" },
              );
            });
          }
        }

        const allTopups = await db.select().from(topups);
        const allWithdrawals = await db.select().from(withdrawals);
        for (const range of ranges) {
          const figures = await overview(db, "admin", range, DEFAULT_SETTINGS, now);
          const inSpan = (t: Date, from: Date, to: Date) => t >= from && t < to;
          const inRange = allTopups.filter((t) => inSpan(t.createdAt, range.start, range.end));
          const got = figures.topups;
          expect(nonZero(got?.byStatus ?? {})).toEqual(countBy(inRange, (t) => t.status));
          expect(nonZero(got?.amountByStatus ?? {})).toEqual(
            nonZero(
              countBy(
                inRange,
                (t) => t.status,
                (t) => t.priceSatang,
              ),
            ),
          );
          const before = allTopups.filter((t) =>
            inSpan(t.createdAt, range.previous.start, range.previous.end),
          );
          expect(nonZero(got?.previous.byStatus ?? {})).toEqual(countBy(before, (t) => t.status));
          const failed = inRange.filter((t) => t.status === "failed");
          expect(
            Object.fromEntries((got?.failuresByReason ?? []).map((r) => [r.reason, r.count])),
          ).toEqual(countBy(failed, (t) => t.reason ?? ""));
          expect(
            Object.fromEntries((got?.failuresByPackage ?? []).map((r) => [r.packageId, r.count])),
          ).toEqual(countBy(failed, (t) => t.packageId));
          const durations = inRange.filter((t) => t.completedAt !== null);
          expect(
            Object.fromEntries((got?.timeToFinal.buckets ?? []).map((b) => [b.seconds, b.count])),
          ).toEqual(
            countBy(durations, (t) =>
              String(bucketOf((t.completedAt as Date).getTime() - t.createdAt.getTime())),
            ),
          );
          const step = range.days === 1 ? HOUR_MS : DAY_MS;
          for (const [i, point] of (got?.series.points ?? []).entries()) {
            const start = range.start.getTime() + i * step;
            const inSlot = inRange.filter((t) =>
              inSpan(t.createdAt, new Date(start), new Date(start + step)),
            );
            expect(point.total).toBe(inSlot.length);
            if (range.days === 1) {
              let sameHour = 0;
              for (let k = 1; k <= 7; k++) {
                const from = start - k * DAY_MS;
                sameHour += allTopups.filter((t) =>
                  inSpan(t.createdAt, new Date(from), new Date(from + HOUR_MS)),
                ).length;
              }
              expect(point.compare).toBe(Math.round((sameHour / 7) * 10) / 10);
            }
          }
          for (const age of got?.waiting.byAge ?? []) {
            const bucket = AGE_BUCKETS.find((b) => b.key === age.bucket);
            const expected = allTopups.filter((t) => {
              const waited = now.getTime() - t.createdAt.getTime();
              return (
                (TOPUP_WAITING_STATUSES as readonly string[]).includes(t.status) &&
                bucket !== undefined &&
                waited > bucket.fromMs &&
                waited <= bucket.toMs
              );
            });
            expect(age.count).toBe(expected.length);
          }

          const w = figures.withdrawals;
          const wIn = allWithdrawals.filter((x) => inSpan(x.orderedAt, range.start, range.end));
          expect(nonZero(w?.byStatus ?? {})).toEqual(countBy(wIn, (x) => x.status));
          expect(nonZero(w?.amountByStatus ?? {})).toEqual(
            nonZero(
              countBy(
                wIn,
                (x) => x.status,
                (x) => x.amountSatang,
              ),
            ),
          );
          const open = allWithdrawals.filter((x) => x.status === "open");
          expect(w?.open).toEqual({
            count: open.length,
            amountSatang: open.reduce((s, x) => s + x.amountSatang, 0),
          });
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
