import { and, eq, gt, gte, isNotNull } from "drizzle-orm";

import { type Db, withTx } from "@/db/client";
import { rawValue } from "@/db/raw";
import { insertTopupOnce } from "@/db/queries/topups";
import {
  appliedEvents,
  auditLog,
  callbacks,
  type PackageRow,
  reviewItems,
  statusHistory,
  topups,
  upstreamCalls,
  withdrawals,
} from "@/db/schema";
import { gameIdOf } from "@/lib/catalog/topup-fields";

/** One moment of an order's life: when it happened, and what happened (through the server's code). */
export type Step = [at: number, run: (at: Date) => Promise<void>];

const maxId = (db: Db, table: string) =>
  rawValue<number>(db, `select coalesce(max(id), 0) as id from ${table}`);

/**
 * Lives an order's steps in order, each through the code it names, then dates what each step
 * wrote to the moment it happened: its history entries, the review items it opened or closed,
 * its audit entries, the upstream calls it made, the callbacks it received, and the order's
 * own timestamps. (The server stamps "now"; the demo's
 * past happened days ago.) Nothing else runs while a demo is seeded, so what a step wrote is
 * what appeared after it began.
 */
export async function live(
  db: Db,
  entity: { type: "topup" | "withdrawal"; id: string },
  steps: Step[],
): Promise<void> {
  const ordered = steps.map((step, index) => ({ step, index }));
  ordered.sort((a, b) => a.step[0] - b.step[0] || a.index - b.index);
  for (const {
    step: [at, run],
  } of ordered) {
    const before = {
      history: await maxId(db, "status_history"),
      items: await maxId(db, "review_items"),
      audit: await maxId(db, "audit_log"),
      calls: await maxId(db, "upstream_calls"),
      callbacks: await maxId(db, "callbacks"),
      clock: Date.now(),
    };
    await run(new Date(at));
    const when = new Date(at);
    const since = new Date(before.clock);
    await withTx(db, async (tx) => {
      await tx.update(statusHistory).set({ at: when }).where(gt(statusHistory.id, before.history));
      // The calls it made and the callbacks it received, a moment apart as they were.
      const calls = await tx
        .select({ id: upstreamCalls.id })
        .from(upstreamCalls)
        .where(gt(upstreamCalls.id, before.calls));
      for (const { id } of calls)
        await tx
          .update(upstreamCalls)
          .set({ at: new Date(at + (id - before.calls) * 40) })
          .where(eq(upstreamCalls.id, id));
      await tx
        .update(callbacks)
        .set({ receivedAt: when })
        .where(gt(callbacks.id, before.callbacks));
      await tx
        .update(callbacks)
        .set({ processedAt: new Date(at + 60) })
        .where(and(gt(callbacks.id, before.callbacks), isNotNull(callbacks.processedAt)));
      await tx.update(appliedEvents).set({ at: when }).where(gte(appliedEvents.at, since));
      await tx.update(reviewItems).set({ openedAt: when }).where(gt(reviewItems.id, before.items));
      await tx
        .update(reviewItems)
        .set({ resolvedAt: when })
        .where(gte(reviewItems.resolvedAt, since));
      await tx
        .update(reviewItems)
        .set({ claimedAt: when })
        .where(gte(reviewItems.claimedAt, since));
      await tx.update(auditLog).set({ at: when }).where(gt(auditLog.id, before.audit));
      if (entity.type === "topup")
        await tx.update(topups).set({ updatedAt: when }).where(eq(topups.refId, entity.id));
      else {
        await tx
          .update(withdrawals)
          .set({ updatedAt: when })
          .where(eq(withdrawals.platformOrderId, entity.id));
        await tx
          .update(withdrawals)
          .set({ createdAt: when })
          .where(
            and(eq(withdrawals.platformOrderId, entity.id), gte(withdrawals.createdAt, since)),
          );
      }
    });
  }
}

/**
 * A demo top-up as the create writes it before calling P2W (`submitting`), for `player`
 * (the package's first field; the others take their first option, or "1").
 */
export async function insertDemoTopup(
  db: Db,
  order: {
    refId: string;
    pkg: PackageRow;
    player: string;
    creator: number;
    createdAt: Date;
    /** Who the history names; `demo-…` keys mark the demo's orders. */
    actor: string;
    keyPrefix: string;
  },
): Promise<void> {
  const { refId, pkg } = order;
  const topupInfo = Object.fromEntries(
    pkg.fields.map((f, j) => [f.key, f.options?.[0]?.value ?? (j === 0 ? order.player : "1")]),
  );
  await insertTopupOnce(
    db,
    {
      refId,
      packageId: pkg.packageId,
      topupInfo,
      gameId: gameIdOf(pkg, topupInfo),
      status: "submitting",
      priceSatang: pkg.priceSatang,
      createdBy: order.creator,
      idempotencyKey: `${order.keyPrefix}-${refId}`,
      requestHash: order.keyPrefix,
      createdAt: order.createdAt,
    },
    {
      fromStatus: null,
      toStatus: "submitting",
      kind: "applied",
      source: "create",
      actor: order.actor,
    },
  );
}

/**
 * A demo top-up's whole life: created at `t0` by `creator` for a made-up player (the
 * create's own row and history), then `steps`, each dated as `live` dates it.
 */
export function liveDemoTopup(
  db: Db,
  order: { refId: string; pkg: PackageRow; creator: number; t0: number; keyPrefix: string },
  steps: Step[],
): Promise<void> {
  const { refId, pkg, creator, t0, keyPrefix } = order;
  return live(db, { type: "topup", id: refId }, [
    [
      t0,
      () =>
        insertDemoTopup(db, {
          refId,
          pkg,
          player: String(10_000_000 + Math.floor(Math.random() * 9e7)),
          creator,
          createdAt: new Date(t0),
          actor: `user:${creator}`,
          keyPrefix,
        }),
    ],
    ...steps,
  ]);
}
