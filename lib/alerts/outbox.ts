import "server-only";

import { randomUUID } from "node:crypto";

import { type Db, type Tx, withTx } from "@/db/client";
import {
  activeChannels,
  alertsDueRepeat,
  enqueueDeliveries,
  markRepeated,
  type NewDelivery,
  openAlert,
  resolveAlert,
} from "@/db/queries/alerts";
import type { AlertChannelRow, AlertRow } from "@/db/schema";
import type { DeliveryEvent } from "@/db/enums";
import type { WarningKey } from "@/lib/overview/warnings";

import { ALERT_OF_WARNING, channelTakes } from "./kinds";
import type { AlertFacts, MessageFacts } from "./messages";
import { quietUntil } from "./quiet-hours";

/**
 * The outbox's writers. Every message is a row written in the transaction of what caused it
 * (a warning's crossing, a repeat, the day's digest, a person's test) under a key that makes
 * it exist once: `alert:<id>:<event>:<channel>`. The sender (./sender.ts) only reads rows,
 * so a crash after a commit delays a message and never loses it, and a second process that
 * saw the same crossing writes nothing (the crossing itself is a compare-and-set).
 */

const quietOf = (channel: AlertChannelRow) =>
  channel.quietFrom && channel.quietTo ? { from: channel.quietFrom, to: channel.quietTo } : null;

/** The facts of an alert's message, as its row holds them. */
export function alertFacts(alert: AlertRow, event: DeliveryEvent): AlertFacts {
  return {
    type: "alert",
    event: event as AlertFacts["event"],
    kind: alert.kind,
    subject: alert.subject,
    severity: alert.severity,
    raisedAt: alert.raisedAt.toISOString(),
    resolvedAt: alert.resolvedAt?.toISOString() ?? null,
    value: alert.value,
    threshold: alert.threshold,
    detail: alert.detail ?? {},
  };
}

/** One message per active channel that takes this alert; a warning waits out quiet hours. */
function alertDeliveries(
  channels: AlertChannelRow[],
  alert: AlertRow,
  event: "raised" | "repeat" | "resolved",
  at: Date,
): NewDelivery[] {
  const step = event === "repeat" ? `repeat-${alert.repeats + 1}` : event;
  return channels
    .filter((c) => channelTakes(c, alert.kind, alert.severity))
    .map((channel) => ({
      key: `alert:${alert.id}:${step}:${channel.id}`,
      channelId: channel.id,
      alertId: alert.id,
      event,
      message: alertFacts(alert, event),
      dueAt: alert.severity === "critical" ? at : quietUntil(quietOf(channel), at),
    }));
}

/** A warning crossed: open or close its alert and write the messages, in the caller's transaction. */
export async function alertTransition(
  tx: Tx,
  change: {
    key: WarningKey;
    raised: boolean;
    value: number | null;
    threshold: number | null;
    detail: Record<string, unknown>;
    at: Date;
  },
): Promise<void> {
  const { kind, subject, severity } = ALERT_OF_WARNING[change.key];
  const alert = change.raised
    ? await openAlert(
        tx,
        {
          kind,
          subject,
          severity,
          value: change.value,
          threshold: change.threshold,
          detail: change.detail,
        },
        change.at,
      )
    : await resolveAlert(tx, kind, subject, change.at, {
        value: change.value,
        threshold: change.threshold,
        detail: change.detail,
      });
  if (!alert) return;
  const event = change.raised ? "raised" : "resolved";
  await enqueueDeliveries(
    tx,
    alertDeliveries(await activeChannels(tx), alert, event, change.at),
    change.at,
  );
}

/** Alerts still raised after `repeatHours` since their last message: one more message each. */
export async function enqueueRepeats(db: Db, repeatHours: number, now: Date): Promise<number> {
  const due = await alertsDueRepeat(db, new Date(now.getTime() - repeatHours * 3_600_000));
  let written = 0;
  for (const alert of due) {
    written += await withTx(db, async (tx) => {
      if (!(await markRepeated(tx, alert, now))) return 0;
      const channels = await activeChannels(tx);
      return enqueueDeliveries(tx, alertDeliveries(channels, alert, "repeat", now), now);
    });
  }
  return written;
}

/** Messages that are not about an alert (the digest, a test), one per given channel. */
export function otherDeliveries(
  channels: AlertChannelRow[],
  keyOf: (channel: AlertChannelRow) => string,
  event: "digest" | "test",
  message: MessageFacts,
  at: Date,
): NewDelivery[] {
  return channels.map((channel) => ({
    key: keyOf(channel),
    channelId: channel.id,
    alertId: null,
    event,
    message,
    dueAt: at,
  }));
}

/** A person's test message to one channel, sent now whatever the quiet hours. */
export async function enqueueTest(
  db: Db,
  channel: AlertChannelRow,
  by: string,
  at: Date,
): Promise<string> {
  const key = `test:${randomUUID()}:${channel.id}`;
  const message = { type: "test", by, at: at.toISOString() } as const;
  await withTx(db, (tx) =>
    enqueueDeliveries(
      tx,
      otherDeliveries([channel], () => key, "test", message, at),
      at,
    ),
  );
  return key;
}
