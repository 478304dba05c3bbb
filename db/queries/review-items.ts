import { and, eq, inArray, isNull } from "drizzle-orm";

import type { Tx } from "../client";
import type { EntityKind, ReviewItemReason } from "../enums";
import { reviewItems } from "../schema";

/**
 * Keeps an order's open review items in step with a change, inside its transaction: a
 * reason the order now has and did not have opens an item (never a second open one: the
 * partial unique index); a reason it no longer has closes the open item as settled by the
 * system (e.g. P2W's callback resolved an unknown outcome before anyone decided).
 */
export function syncReviewItemsIn(
  tx: Tx,
  entity: { kind: EntityKind; id: string },
  before: readonly ReviewItemReason[],
  after: readonly ReviewItemReason[],
  detail: Record<string, unknown> | null,
): void {
  const opened = after.filter((r) => !before.includes(r));
  const settled = before.filter((r) => !after.includes(r));
  for (const reason of opened) {
    tx.insert(reviewItems)
      .values({ kind: entity.kind, entityId: entity.id, reason, detail })
      .onConflictDoNothing()
      .run();
  }
  if (settled.length > 0) {
    tx.update(reviewItems)
      .set({ resolvedAt: new Date(), outcome: "settled_by_upstream" })
      .where(
        and(
          eq(reviewItems.kind, entity.kind),
          eq(reviewItems.entityId, entity.id),
          inArray(reviewItems.reason, settled),
          isNull(reviewItems.resolvedAt),
        ),
      )
      .run();
  }
}
