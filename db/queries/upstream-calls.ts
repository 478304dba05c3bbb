import { asc, eq, inArray } from "drizzle-orm";

import { type Db, withTx } from "../client";
import { type UpstreamCallRow, upstreamCalls } from "../schema";

/** One upstream exchange as recorded (already redacted). */
export type NewUpstreamCall = Omit<typeof upstreamCalls.$inferInsert, "id" | "at">;

export async function insertUpstreamCall(db: Db, call: NewUpstreamCall): Promise<void> {
  await withTx(db, (tx) => tx.insert(upstreamCalls).values(call), "one statement");
}

/** The calls about any of the given ids (an order's refID and orderID), oldest first. */
export async function listUpstreamCalls(db: Db, targetIds: string[]): Promise<UpstreamCallRow[]> {
  if (targetIds.length === 0) return [];
  return db
    .select()
    .from(upstreamCalls)
    .where(
      targetIds.length === 1
        ? eq(upstreamCalls.targetId, targetIds[0] ?? "")
        : inArray(upstreamCalls.targetId, targetIds),
    )
    .orderBy(asc(upstreamCalls.id));
}
