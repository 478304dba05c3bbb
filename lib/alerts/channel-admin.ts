import "server-only";

import { eq } from "drizzle-orm";

import { type Db, withTx } from "@/db/client";
import { getChannel, listChannels } from "@/db/queries/alerts";
import {
  ALERT_CHANNEL_KINDS,
  ALERT_KINDS,
  ALERT_SEVERITIES,
  type AlertChannelKind,
  type AlertKind,
  type AlertSeverity,
} from "@/db/enums";
import { type AlertChannelRow, alertChannels } from "@/db/schema";
import { type Person, recordAuditIn } from "@/lib/audit/record-audit";
import { type FieldProblem, InvalidInput, notFoundError } from "@/lib/errors";

import { clockMinutes } from "./quiet-hours";
import { masked, open, seal } from "./secret-box";

/**
 * The alert channels as administrators change them (`/admin/alerts`, /api/alert-channels):
 * every field checked, nothing stored unless all are valid; secrets sealed before they are
 * stored and shown back masked; each change audited without its secret.
 */
export type ChannelTarget =
  { webhookUrl: string } | { to: string; token: string } | { to: string[] };

export type ChannelJson = {
  id: number;
  kind: AlertChannelKind;
  name: string;
  locale: "th" | "en";
  target: ChannelTarget;
  alerts: AlertKind[] | "all";
  digest: boolean;
  minSeverity: AlertSeverity;
  quietHours: { from: string; to: string } | null;
  active: boolean;
};

/** A channel as the API shows it: the secret part of its target masked. */
export function channelJson(row: AlertChannelRow): ChannelJson {
  const secret = row.secret ? masked(open(row.secret)) : "";
  const target: ChannelTarget =
    row.kind === "slack"
      ? { webhookUrl: secret }
      : row.kind === "line"
        ? { to: typeof row.target.to === "string" ? row.target.to : "", token: secret }
        : { to: Array.isArray(row.target.to) ? row.target.to : [] };
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    locale: row.locale,
    target,
    alerts: row.alerts,
    digest: row.digest,
    minSeverity: row.minSeverity,
    quietHours: row.quietFrom && row.quietTo ? { from: row.quietFrom, to: row.quietTo } : null,
    active: row.active,
  };
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;
const MAX_EMAILS = 10;

type Checked = Omit<typeof alertChannels.$inferInsert, "id" | "createdAt" | "updatedAt">;

/**
 * Checks a channel. For a change (`existing`), a secret left out or sent back masked keeps
 * the stored one: the page never has the secret to send.
 */
function checkChannel(
  input: unknown,
  existing?: AlertChannelRow,
): { values?: Checked; secretChanged?: boolean; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const problem = (field: string, code: string, params?: Record<string, string | number>) =>
    problems.push({ field, code, ...(params ? { params } : {}) });
  if (typeof input !== "object" || input === null || Array.isArray(input))
    return { problems: [{ field: "body", code: "CHANNEL_OBJECT" }] };
  const body = input as Record<string, unknown>;
  const kind = body.kind ?? existing?.kind;
  if (!ALERT_CHANNEL_KINDS.includes(kind as AlertChannelKind)) problem("kind", "CHANNEL_KIND");
  if (existing && kind !== existing.kind) problem("kind", "CHANNEL_KIND_FIXED");
  const name = typeof body.name === "string" ? body.name.trim() : "";
  if (name.length < 1 || name.length > 80) problem("name", "CHANNEL_NAME");
  const locale = body.locale;
  if (locale !== "th" && locale !== "en") problem("locale", "CHANNEL_LOCALE");
  const target = (
    typeof body.target === "object" && body.target !== null ? body.target : {}
  ) as Record<string, unknown>;
  const keptSecret = existing?.secret ? open(existing.secret) : undefined;
  /** A secret as sent: a new one, or (left out, or masked) the one stored. */
  const secretOf = (value: unknown) =>
    keptSecret !== undefined && (value === undefined || value === masked(keptSecret))
      ? keptSecret
      : typeof value === "string"
        ? value.trim()
        : "";
  let secret: string | null = null;
  let publicTarget: Checked["target"] = {};
  if (kind === "slack") {
    secret = secretOf(target.webhookUrl);
    let url: URL | null = null;
    try {
      url = new URL(secret);
    } catch {
      url = null;
    }
    if (!url || !["https:", "http:"].includes(url.protocol) || url.pathname.length < 2)
      problem("target.webhookUrl", "WEBHOOK_URL");
  } else if (kind === "line") {
    secret = secretOf(target.token);
    const to = typeof target.to === "string" ? target.to.trim() : "";
    if (!/^[UCR][0-9a-f]{32}$/.test(to)) problem("target.to", "LINE_TO");
    if (secret.length < 20 || /\s/.test(secret)) problem("target.token", "LINE_TOKEN");
    publicTarget = { to };
  } else if (kind === "email") {
    const raw = Array.isArray(target.to)
      ? target.to
      : typeof target.to === "string"
        ? target.to.split(/[\s,;]+/)
        : [];
    const to = raw.map((a) => (typeof a === "string" ? a.trim() : "")).filter(Boolean);
    if (to.length < 1 || to.length > MAX_EMAILS || !to.every((a) => EMAIL.test(a)))
      problem("target.to", "EMAIL_TO", { max: MAX_EMAILS });
    publicTarget = { to };
  }
  const alerts = body.alerts;
  const alertsOk =
    alerts === "all" ||
    (Array.isArray(alerts) &&
      alerts.length > 0 &&
      alerts.every((k) => ALERT_KINDS.includes(k as AlertKind)));
  if (!alertsOk) problem("alerts", "ALERT_KINDS");
  const minSeverity = body.minSeverity ?? "warning";
  if (!ALERT_SEVERITIES.includes(minSeverity as AlertSeverity))
    problem("minSeverity", "MIN_SEVERITY");
  const quiet = body.quietHours;
  let quietFrom: string | null = null;
  let quietTo: string | null = null;
  if (quiet !== null && quiet !== undefined) {
    const q = quiet as { from?: unknown; to?: unknown };
    const [from, to] = [q.from, q.to].map((v) => (typeof v === "string" ? v : ""));
    if (clockMinutes(from ?? "") === null || clockMinutes(to ?? "") === null || from === to)
      problem("quietHours", "QUIET_HOURS");
    else [quietFrom, quietTo] = [from ?? null, to ?? null];
  }
  for (const flag of ["digest", "active"] as const)
    if (body[flag] !== undefined && typeof body[flag] !== "boolean") problem(flag, "YES_OR_NO");
  if (problems.length > 0) return { problems };
  // The stored secret kept as it is sealed: a save that changed nothing stays unchanged.
  const secretChanged = (secret || null) !== (keptSecret ?? null);
  return {
    problems,
    secretChanged,
    values: {
      kind: kind as AlertChannelKind,
      name,
      locale: locale as "th" | "en",
      target: publicTarget,
      secret: !secretChanged ? (existing?.secret ?? null) : secret ? seal(secret) : null,
      alerts: alerts === "all" ? "all" : [...new Set(alerts as AlertKind[])],
      digest: body.digest === true,
      minSeverity: minSeverity as AlertSeverity,
      quietFrom,
      quietTo,
      active: body.active !== false,
    },
  };
}

/** What an audit entry keeps of a channel: everything but the secret. */
const audited = (json: ChannelJson) => {
  const { target, ...rest } = json;
  return { ...rest, target: "webhookUrl" in target ? {} : { ...target, token: undefined } };
};

export async function listChannelsJson(db: Db): Promise<ChannelJson[]> {
  return (await listChannels(db)).map(channelJson);
}

export async function createChannel(db: Db, actor: Person, input: unknown): Promise<ChannelJson> {
  const { values, problems } = checkChannel(input);
  if (!values) throw new InvalidInput(problems);
  return withTx(db, async (tx) => {
    const [row] = await tx.insert(alertChannels).values(values).returning();
    if (!row) throw new Error("insert returned no row");
    const json = channelJson(row);
    await recordAuditIn(tx, actor, "alert_channel.create", {
      targetType: "alert_channel",
      targetId: String(row.id),
      details: { after: audited(json) },
      ip: actor.ip,
    });
    return json;
  });
}

export async function updateChannel(
  db: Db,
  actor: Person,
  id: number,
  input: unknown,
): Promise<ChannelJson> {
  const existing = await getChannel(db, id);
  if (!existing) throw notFoundError();
  const { values, secretChanged, problems } = checkChannel(input, existing);
  if (!values) throw new InvalidInput(problems);
  return withTx(db, async (tx) => {
    const [row] = await tx
      .update(alertChannels)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(alertChannels.id, id))
      .returning();
    // Deleted a moment ago by another person.
    if (!row) throw notFoundError();
    const json = channelJson(row);
    await recordAuditIn(tx, actor, "alert_channel.update", {
      targetType: "alert_channel",
      targetId: String(id),
      details: {
        before: audited(channelJson(existing)),
        after: audited(json),
        secretChanged,
      },
      ip: actor.ip,
    });
    return json;
  });
}

export async function deleteChannel(db: Db, actor: Person, id: number): Promise<void> {
  const existing = await getChannel(db, id);
  if (!existing) throw notFoundError();
  await withTx(db, async (tx) => {
    await tx.delete(alertChannels).where(eq(alertChannels.id, id));
    await recordAuditIn(tx, actor, "alert_channel.delete", {
      targetType: "alert_channel",
      targetId: String(id),
      details: { before: audited(channelJson(existing)) },
      ip: actor.ip,
    });
  });
}
