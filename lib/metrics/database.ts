import { Gauge, Registry } from "prom-client";

import type { Db } from "@/db/client";
import {
  ALERT_KINDS,
  REVIEW_ITEM_REASONS,
  TOPUP_OPEN_STATUSES,
  WITHDRAWAL_OPEN_STATUSES,
} from "@/db/enums";
import { lastBeat } from "@/db/queries/alerts";
import { lastBalance } from "@/db/queries/balance";
import {
  activeAlerts,
  callbacksWaiting,
  oldestUnflagged,
  openOrderCounts,
} from "@/db/queries/metrics";
import { countReviewItems, overdueReviewItems } from "@/db/queries/review-items";
import { RECONCILER_BEAT } from "@/lib/overview/warnings";

/** Seconds from `then` to `now`; 0 when nothing waits. */
const ageSeconds = (now: Date, then: Date | null) =>
  then ? Math.max(0, (now.getTime() - then.getTime()) / 1000) : 0;

const OPEN_STATUSES = { topup: TOPUP_OPEN_STATUSES, withdrawal: WITHDRAWAL_OPEN_STATUSES };

/**
 * The figures read from the database at each scrape, in a registry of their own: the same
 * on every instance (aggregate them with `max`, not `sum`). Every known label value is
 * written, 0 when nothing is there, so a series does not vanish when its queue empties.
 * `reconciler_is_leader` is this instance's own (1 on the one holding the lease).
 */
export async function databaseMetrics(db: Db, now: Date, isLeader: boolean): Promise<Registry> {
  const registry = new Registry();
  const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[] = []) =>
    new Gauge<L>({ name, help, labelNames, registers: [registry] });

  const callbacks = await callbacksWaiting(db);
  gauge("callbacks_pending", "Callbacks acknowledged and not yet processed").set(callbacks.count);
  gauge(
    "callback_processing_lag_seconds",
    "How long the oldest callback waiting for processing has waited",
  ).set(ageSeconds(now, callbacks.oldest));

  const orders = await openOrderCounts(db);
  const open = gauge("orders_open", "Orders not yet final, by kind and status", [
    "kind",
    "status",
  ] as const);
  const oldestOrder = gauge(
    "orders_open_oldest_age_seconds",
    "Age of the oldest order not yet final and not flagged for review, by kind",
    ["kind"] as const,
  );
  for (const kind of ["topup", "withdrawal"] as const) {
    for (const status of OPEN_STATUSES[kind]) open.set({ kind, status }, orders[kind][status] ?? 0);
    oldestOrder.set({ kind }, ageSeconds(now, await oldestUnflagged(db, kind)));
  }

  // The queue's own counts, as its tabs show them; the oldest of all open items.
  const byReason = await countReviewItems(db, { claimed: { by: "any" }, resolved: false });
  const items = gauge("review_queue_items", "Open review items, by reason", ["reason"] as const);
  for (const reason of REVIEW_ITEM_REASONS) items.set({ reason }, byReason[reason] ?? 0);
  gauge("review_queue_oldest_age_seconds", "Age of the oldest open review item").set(
    ageSeconds(now, (await overdueReviewItems(db, now)).oldest),
  );

  // Left out until there is a figure: a 0 would read as "long ago" or "empty".
  const lastPass = await lastBeat(db, RECONCILER_BEAT);
  if (lastPass)
    gauge(
      "reconciler_last_pass_timestamp_seconds",
      "When the reconciler last finished a pass (any instance), Unix seconds",
    ).set(lastPass.getTime() / 1000);
  gauge("reconciler_is_leader", "1 on the instance holding the reconciler's lease").set(
    isLeader ? 1 : 0,
  );

  const raised = await activeAlerts(db);
  const active = gauge("alerts_active", "Alerts raised and not resolved, by kind", [
    "kind",
  ] as const);
  for (const kind of ALERT_KINDS) active.set({ kind }, raised[kind] ?? 0);

  const balance = await lastBalance(db, "p2w");
  if (balance)
    gauge("p2w_balance_satang", "The last confirmed P2W balance, in satang").set(
      balance.balanceSatang,
    );

  return registry;
}
