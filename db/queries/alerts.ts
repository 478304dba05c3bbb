import { and, desc, eq, gte, inArray, isNull, lte, sql } from "drizzle-orm";

import { type Db, type Tx, withTx } from "../client";
import type { AlertKind, AlertSeverity, DeliveryEvent, DeliveryStatus } from "../enums";
import {
  type AlertChannelRow,
  alertChannels,
  alertDeliveries,
  type AlertDeliveryRow,
  alertDigests,
  type AlertRow,
  alerts,
  heartbeats,
} from "../schema";

/**
 * The alerts' tables (db/schema-alerts.ts). Writes that belong to a transition take the
 * transaction they are part of, so the alert, its messages and the warning's new state are
 * committed together or not at all.
 */

export type NewDelivery = {
  key: string;
  channelId: number;
  alertId: number | null;
  event: DeliveryEvent;
  message: Record<string, unknown>;
  dueAt: Date;
};

export async function activeChannels(tx: Db): Promise<AlertChannelRow[]> {
  return tx.select().from(alertChannels).where(eq(alertChannels.active, true));
}

/** Writes messages to the outbox; a key already there is left as it is (exactly once). */
export async function enqueueDeliveries(tx: Tx, rows: NewDelivery[], at: Date): Promise<number> {
  if (rows.length === 0) return 0;
  const written = await tx
    .insert(alertDeliveries)
    .values(rows.map((row) => ({ ...row, createdAt: at, status: "pending" as const })))
    .onConflictDoNothing({ target: alertDeliveries.key })
    .returning({ id: alertDeliveries.id });
  return written.length;
}

export async function openAlert(
  tx: Tx,
  alert: {
    kind: AlertKind;
    subject: string;
    severity: AlertSeverity;
    value: number | null;
    threshold: number | null;
    detail: Record<string, unknown>;
  },
  at: Date,
): Promise<AlertRow | undefined> {
  const [row] = await tx
    .insert(alerts)
    .values({ ...alert, raisedAt: at, notifiedAt: at })
    .onConflictDoNothing()
    .returning();
  return row;
}

/**
 * Closes the open alert of a kind and subject, keeping the figure and threshold it cleared
 * at (what its "resolved" message says); undefined when none was open.
 */
export async function resolveAlert(
  tx: Tx,
  kind: AlertKind,
  subject: string,
  at: Date,
  last: { value: number | null; threshold: number | null; detail: Record<string, unknown> },
): Promise<AlertRow | undefined> {
  const [row] = await tx
    .update(alerts)
    .set({ resolvedAt: at, value: last.value, threshold: last.threshold, detail: last.detail })
    .where(and(eq(alerts.kind, kind), eq(alerts.subject, subject), isNull(alerts.resolvedAt)))
    .returning();
  return row;
}

/** Open alerts whose last message is older than `before`: due a repeat. */
export async function alertsDueRepeat(db: Db, before: Date): Promise<AlertRow[]> {
  return db
    .select()
    .from(alerts)
    .where(and(isNull(alerts.resolvedAt), lte(alerts.notifiedAt, before)));
}

/**
 * Counts a repeat under a compare-and-set on the count read: of two processes, one moves it
 * and writes the messages. True when this call did.
 */
export async function markRepeated(tx: Tx, alert: AlertRow, at: Date): Promise<boolean> {
  const moved = await tx
    .update(alerts)
    .set({ repeats: alert.repeats + 1, notifiedAt: at })
    .where(
      and(eq(alerts.id, alert.id), eq(alerts.repeats, alert.repeats), isNull(alerts.resolvedAt)),
    )
    .returning({ id: alerts.id });
  return moved.length > 0;
}

export async function listAlerts(
  db: Db,
  recentSince: Date,
): Promise<{ active: AlertRow[]; recent: AlertRow[] }> {
  const active = await db
    .select()
    .from(alerts)
    .where(isNull(alerts.resolvedAt))
    .orderBy(desc(alerts.raisedAt));
  const recent = await db
    .select()
    .from(alerts)
    .where(and(gte(alerts.raisedAt, recentSince), sql`${alerts.resolvedAt} is not null`))
    .orderBy(desc(alerts.raisedAt))
    .limit(50);
  return { active, recent };
}

/** The day's digest, made once: true when this call made it. */
export async function claimDigestDay(tx: Tx, day: string, at: Date): Promise<boolean> {
  const made = await tx
    .insert(alertDigests)
    .values({ day, createdAt: at })
    .onConflictDoNothing()
    .returning({ day: alertDigests.day });
  return made.length > 0;
}

/** Lease: how long a sender holds a message it is sending before another may take it. */
export const CLAIM_MS = 60_000;

/**
 * Takes the oldest due message no other sender holds (db/store.ts, `claimDelivery`): two
 * senders, in one process or on two instances, never take the same one. Undefined when
 * nothing is due.
 */
export async function claimDueDelivery(
  db: Db,
  now: Date,
  key?: string,
): Promise<AlertDeliveryRow | undefined> {
  const id = await db.$store.claimDelivery(now, new Date(now.getTime() + CLAIM_MS), key);
  if (id === undefined) return undefined;
  const [row] = await db.select().from(alertDeliveries).where(eq(alertDeliveries.id, id));
  return row;
}

/** What became of one attempt: sent, to be tried again at `retryAt`, or failed for good. */
export async function finishAttempt(
  db: Db,
  delivery: AlertDeliveryRow,
  outcome:
    | { status: "sent"; at: Date }
    | { status: "retry"; error: string; retryAt: Date }
    | { status: "failed"; error: string },
  now: Date,
): Promise<void> {
  const attempts = delivery.attempts + 1;
  const set =
    outcome.status === "sent"
      ? { status: "sent" as const, sentAt: outcome.at, lastError: null }
      : outcome.status === "retry"
        ? { lastError: outcome.error, dueAt: outcome.retryAt }
        : { status: "failed" as const, lastError: outcome.error };
  await withTx(db, (tx) =>
    tx
      .update(alertDeliveries)
      .set({ ...set, attempts, claimedUntil: null, firstTriedAt: delivery.firstTriedAt ?? now })
      .where(eq(alertDeliveries.id, delivery.id)),
  );
}

export async function getChannel(db: Db, id: number): Promise<AlertChannelRow | undefined> {
  const [row] = await db.select().from(alertChannels).where(eq(alertChannels.id, id));
  return row;
}

export async function listChannels(db: Db): Promise<AlertChannelRow[]> {
  return db.select().from(alertChannels).orderBy(alertChannels.id);
}

export async function listDeliveries(
  db: Db,
  filter: { channelId?: number; status?: DeliveryStatus; limit: number },
): Promise<AlertDeliveryRow[]> {
  return db
    .select()
    .from(alertDeliveries)
    .where(
      and(
        filter.channelId !== undefined
          ? eq(alertDeliveries.channelId, filter.channelId)
          : undefined,
        filter.status ? eq(alertDeliveries.status, filter.status) : undefined,
      ),
    )
    .orderBy(desc(alertDeliveries.id))
    .limit(filter.limit);
}

/** A message by its key (the outbox's unique name for it). */
export async function deliveryByKey(db: Db, key: string): Promise<AlertDeliveryRow | undefined> {
  const [row] = await db.select().from(alertDeliveries).where(eq(alertDeliveries.key, key));
  return row;
}

export async function alertsById(db: Db, ids: number[]): Promise<AlertRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(alerts).where(inArray(alerts.id, ids));
}

export async function beat(db: Db, name: string, at: Date): Promise<void> {
  await withTx(db, (tx) =>
    tx
      .insert(heartbeats)
      .values({ name, at })
      .onConflictDoUpdate({ target: heartbeats.name, set: { at } }),
  );
}

export async function lastBeat(db: Db, name: string): Promise<Date | null> {
  const [row] = await db.select().from(heartbeats).where(eq(heartbeats.name, name));
  return row?.at ?? null;
}

export async function digestMade(db: Db, day: string): Promise<boolean> {
  const [row] = await db.select().from(alertDigests).where(eq(alertDigests.day, day));
  return row !== undefined;
}
