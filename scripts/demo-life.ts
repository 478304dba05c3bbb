import type { Db } from "@/db/client";
import { rawQuery, rawValue } from "@/db/raw";
import { insertTopupOnce } from "@/db/queries/topups";
import type { PackageRow } from "@/db/schema";
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
    await rawQuery(db, "update status_history set at = ? where id > ?", [at, before.history]);
    // The calls it made and the callbacks it received, a moment apart as they were.
    await rawQuery(db, "update upstream_calls set at = ? + (id - ?) * 40 where id > ?", [
      at,
      before.calls,
      before.calls,
    ]);
    await rawQuery(
      db,
      "update callbacks set received_at = ?, processed_at = case when processed_at is null then null else ? + 60 end where id > ?",
      [at, at, before.callbacks],
    );
    await rawQuery(db, "update applied_events set at = ? where at >= ?", [at, before.clock]);
    await rawQuery(db, "update review_items set opened_at = ? where id > ?", [at, before.items]);
    await rawQuery(db, "update review_items set resolved_at = ? where resolved_at >= ?", [
      at,
      before.clock,
    ]);
    await rawQuery(db, "update review_items set claimed_at = ? where claimed_at >= ?", [
      at,
      before.clock,
    ]);
    await rawQuery(db, "update audit_log set at = ? where id > ?", [at, before.audit]);
    if (entity.type === "topup")
      await rawQuery(db, "update topups set updated_at = ? where ref_id = ?", [at, entity.id]);
    else {
      await rawQuery(db, "update withdrawals set updated_at = ? where platform_order_id = ?", [
        at,
        entity.id,
      ]);
      await rawQuery(
        db,
        "update withdrawals set created_at = ? where platform_order_id = ? and created_at >= ?",
        [at, entity.id, before.clock],
      );
    }
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
