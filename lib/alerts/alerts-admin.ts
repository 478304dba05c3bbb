import "server-only";

import type { Db } from "@/db/client";
import { deliveryByKey, getChannel, listAlerts, listDeliveries } from "@/db/queries/alerts";
import { DELIVERY_STATUSES, type DeliveryStatus } from "@/db/enums";
import type { AlertDeliveryRow, AlertRow } from "@/db/schema";
import { type Person, recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFoundError } from "@/lib/errors";
import { getSettings } from "@/lib/settings/settings";

import { sendDigestNow } from "./digest";
import { enqueueTest } from "./outbox";
import { drainOutbox } from "./sender";

/** The alerts' API shapes (`/api/alerts`, `/api/alert-deliveries`) and the two sends by hand. */
export type AlertJson = {
  id: number;
  kind: AlertRow["kind"];
  subject: string;
  severity: AlertRow["severity"];
  raisedAt: string;
  resolvedAt: string | null;
  value: number | null;
  threshold: number | null;
};

export type DeliveryJson = {
  id: number;
  channelId: number;
  alertId: number | null;
  event: AlertDeliveryRow["event"];
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  dueAt: string;
  sentAt: string | null;
};

const alertJson = (a: AlertRow): AlertJson => ({
  id: a.id,
  kind: a.kind,
  subject: a.subject,
  severity: a.severity,
  raisedAt: a.raisedAt.toISOString(),
  resolvedAt: a.resolvedAt?.toISOString() ?? null,
  value: a.value,
  threshold: a.threshold,
});

export const deliveryJson = (d: AlertDeliveryRow): DeliveryJson => ({
  id: d.id,
  channelId: d.channelId,
  alertId: d.alertId,
  event: d.event,
  status: d.status,
  attempts: d.attempts,
  lastError: d.lastError,
  createdAt: d.createdAt.toISOString(),
  dueAt: d.dueAt.toISOString(),
  sentAt: d.sentAt?.toISOString() ?? null,
});

const RECENT_DAYS = 7;

export async function alertsJson(db: Db, now = new Date()) {
  const { active, recent } = await listAlerts(
    db,
    new Date(now.getTime() - RECENT_DAYS * 86_400_000),
  );
  return { active: active.map(alertJson), recent: recent.map(alertJson) };
}

/** `?channel=&status=`: a bad value is refused, not ignored. */
export async function deliveriesJson(db: Db, params: URLSearchParams) {
  const channel = params.get("channel");
  const status = params.get("status");
  const channelId = channel ? Number(channel) : undefined;
  if (channelId !== undefined && !(Number.isSafeInteger(channelId) && channelId > 0))
    throw new AppError("VALIDATION", 400, { field: "channel" });
  if (status && !DELIVERY_STATUSES.includes(status as DeliveryStatus))
    throw new AppError("VALIDATION", 400, { field: "status" });
  const rows = await listDeliveries(db, {
    channelId,
    status: (status as DeliveryStatus | null) ?? undefined,
    limit: 50,
  });
  return { items: rows.map(deliveryJson) };
}

/**
 * Send test: a message written to the outbox like any other, then sent at once, so the
 * answer says what happened (sent, or the receiver's error and when it will be tried again).
 */
export async function sendTest(db: Db, actor: Person, channelId: number): Promise<DeliveryJson> {
  const channel = await getChannel(db, channelId);
  if (!channel) throw notFoundError();
  const key = await enqueueTest(db, channel, actor.email, new Date());
  await drainOutbox(db, { key, limit: 1 });
  const delivery = await deliveryByKey(db, key);
  if (!delivery) throw notFoundError();
  await recordAudit(db, actor, "alert_channel.test", {
    targetType: "alert_channel",
    targetId: String(channelId),
    details: { status: delivery.status, error: delivery.lastError },
    ip: actor.ip,
  });
  return deliveryJson(delivery);
}

/** The digest now, marked as sent by hand, to every channel that takes it. */
export async function digestNow(db: Db, actor: Person): Promise<{ deliveries: number }> {
  const deliveries = await sendDigestNow(db, await getSettings(db), new Date());
  await recordAudit(db, actor, "alert.digest", {
    targetType: "alert_channel",
    details: { count: deliveries },
    ip: actor.ip,
  });
  return { deliveries };
}
