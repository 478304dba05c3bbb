"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";

import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { cardCell, ui } from "@/components/ui/styles";
import {
  ALERT_CHANNEL_KINDS,
  ALERT_KINDS,
  ALERT_SEVERITIES,
  type AlertChannelKind,
  type AlertKind,
  type AlertSeverity,
} from "@/db/enums";
import type { DeliveryJson } from "@/lib/alerts/alerts-admin";
import type { ChannelJson } from "@/lib/alerts/channel-admin";
import { ApiRefusal, getJson, problemsByField, sendJson } from "@/lib/api/client";
import { formatDateTime } from "@/lib/format";

/**
 * `/admin/alerts`: where alerts go. Each channel as a card (Edit, Send test, Delete), a form
 * to add or change one, the digest sent by hand, and the last deliveries with their attempts
 * and errors, refreshed every 10 s.
 */
type Draft = {
  kind: AlertChannelKind;
  name: string;
  locale: "th" | "en";
  webhookUrl: string;
  lineTo: string;
  lineToken: string;
  emails: string;
  allAlerts: boolean;
  alerts: AlertKind[];
  minSeverity: AlertSeverity;
  quiet: boolean;
  quietFrom: string;
  quietTo: string;
  digest: boolean;
  active: boolean;
};

const EMPTY: Draft = {
  kind: "slack",
  name: "",
  locale: "th",
  webhookUrl: "",
  lineTo: "",
  lineToken: "",
  emails: "",
  allAlerts: true,
  alerts: [],
  minSeverity: "warning",
  quiet: false,
  quietFrom: "22:00",
  quietTo: "07:00",
  digest: true,
  active: true,
};

function draftOf(c: ChannelJson): Draft {
  const t = c.target as { webhookUrl?: string; to?: string | string[]; token?: string };
  return {
    kind: c.kind,
    name: c.name,
    locale: c.locale,
    webhookUrl: t.webhookUrl ?? "",
    lineTo: typeof t.to === "string" ? t.to : "",
    lineToken: t.token ?? "",
    emails: Array.isArray(t.to) ? t.to.join(", ") : "",
    allAlerts: c.alerts === "all",
    alerts: c.alerts === "all" ? [] : c.alerts,
    minSeverity: c.minSeverity,
    quiet: c.quietHours !== null,
    quietFrom: c.quietHours?.from ?? "22:00",
    quietTo: c.quietHours?.to ?? "07:00",
    digest: c.digest,
    active: c.active,
  };
}

function bodyOf(d: Draft) {
  const target =
    d.kind === "slack"
      ? { webhookUrl: d.webhookUrl }
      : d.kind === "line"
        ? { to: d.lineTo, token: d.lineToken }
        : { to: d.emails.split(/[\s,;]+/).filter(Boolean) };
  return {
    kind: d.kind,
    name: d.name,
    locale: d.locale,
    target,
    alerts: d.allAlerts ? "all" : d.alerts,
    minSeverity: d.minSeverity,
    quietHours: d.quiet ? { from: d.quietFrom, to: d.quietTo } : null,
    digest: d.digest,
    active: d.active,
  };
}

export function AlertChannels({
  initialChannels,
  initialDeliveries,
}: {
  initialChannels: ChannelJson[];
  initialDeliveries: DeliveryJson[];
}) {
  const t = useTranslations("alertsAdmin");
  const offline = useTranslations("errors")("NETWORK");
  const client = useQueryClient();
  const channels = useQuery({
    queryKey: ["alert-channels"],
    queryFn: async () =>
      (await getJson<{ channels: ChannelJson[] }>("/api/alert-channels", offline)).channels,
    initialData: initialChannels,
  });
  const deliveries = useQuery({
    queryKey: ["alert-deliveries"],
    queryFn: async () =>
      (await getJson<{ items: DeliveryJson[] }>("/api/alert-deliveries", offline)).items,
    initialData: initialDeliveries,
    refetchInterval: 10_000,
  });
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ["alert-channels"] });
    void client.invalidateQueries({ queryKey: ["alert-deliveries"] });
  };
  const [editing, setEditing] = useState<ChannelJson | "new" | null>(null);
  const [deleting, setDeleting] = useState<ChannelJson | null>(null);
  const test = useMutation({
    mutationFn: (id: number) =>
      sendJson<{ delivery: DeliveryJson }>("POST", `/api/alert-channels/${id}/test`, {}, offline),
    onSuccess: ({ delivery }) => {
      if (delivery.status === "sent") toast.success(t("testSent"));
      else toast.error(t("testFailed", { error: delivery.lastError ?? "—" }));
      refresh();
    },
    onError: (error) => toast.error(error.message),
  });
  const remove = useMutation({
    mutationFn: (id: number) =>
      sendJson<{ deleted: number }>("DELETE", `/api/alert-channels/${id}`, {}, offline),
    onSuccess: () => {
      toast.success(t("deleted"));
      refresh();
    },
    onError: (error) => toast.error(error.message),
  });
  const digest = useMutation({
    mutationFn: () => sendJson<{ deliveries: number }>("POST", "/api/alerts/digest", {}, offline),
    onSuccess: ({ deliveries: n }) => {
      toast.success(t("digestQueued", { count: n }));
      refresh();
    },
    onError: (error) => toast.error(error.message),
  });
  const nameOf = (id: number) => channels.data?.find((c) => c.id === id)?.name ?? `#${id}`;

  return (
    <div className="space-y-6">
      <section aria-labelledby="channels-title" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="channels-title" className="text-lg font-semibold text-slate-900">
            {t("channels")}
          </h2>
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" onClick={() => digest.mutate()} disabled={digest.isPending}>
              {t("sendDigest")}
            </Button>
            <Button onClick={() => setEditing("new")}>{t("add")}</Button>
          </div>
        </div>
        {editing && (
          <ChannelForm
            key={editing === "new" ? "new" : editing.id}
            channel={editing === "new" ? null : editing}
            onDone={() => {
              setEditing(null);
              refresh();
            }}
          />
        )}
        {channels.data.length === 0 && !editing && (
          <p className="text-sm text-slate-600">{t("none")}</p>
        )}
        <ul className="grid gap-3 md:grid-cols-2">
          {channels.data.map((c) => (
            <li key={c.id} className={`${ui.card} min-w-0 space-y-2`} data-channel={c.name}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h3 className="font-semibold text-slate-900">{c.name}</h3>
                <span className="text-xs text-slate-600">
                  {t(`kind.${c.kind}`)} · {c.locale === "th" ? "ไทย" : "English"} ·{" "}
                  {c.active ? t("active") : t("inactive")}
                </span>
              </div>
              <p className="font-mono text-xs break-all text-slate-700">{targetText(c)}</p>
              <p className="text-sm text-slate-700">
                {c.alerts === "all"
                  ? t("allAlerts")
                  : c.alerts.map((k) => t(`alertKind.${k}`)).join(", ")}
                {" · "}
                {t(`from.${c.minSeverity}`)}
                {c.digest ? ` · ${t("takesDigest")}` : ""}
              </p>
              {c.quietHours && (
                <p className="text-xs text-slate-600">
                  {t("quietShown", { from: c.quietHours.from, to: c.quietHours.to })}
                </p>
              )}
              <div className="flex flex-wrap gap-2 pt-1">
                <Button size="sm" variant="secondary" onClick={() => setEditing(c)}>
                  {t("edit")}
                </Button>
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={test.isPending}
                  onClick={() => test.mutate(c.id)}
                >
                  {test.isPending && test.variables === c.id ? t("testing") : t("test")}
                </Button>
                <Button size="sm" variant="danger" onClick={() => setDeleting(c)}>
                  {t("delete")}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="deliveries-title" className="space-y-3">
        <h2 id="deliveries-title" className="text-lg font-semibold text-slate-900">
          {t("deliveries")}
        </h2>
        <p className="text-sm text-slate-600">{t("deliveriesIntro")}</p>
        {deliveries.data.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noDeliveries")}</p>
        ) : (
          <div className={ui.tableBox}>
            <table className={`${ui.table} ${ui.cardTable}`} data-testid="deliveries">
              <thead className={`${ui.stickyHead} ${ui.cardHead}`}>
                <tr>
                  {["when", "channel", "event", "status", "attempts", "error"].map((h) => (
                    <th key={h} scope="col" className={ui.th}>
                      {t(`col.${h}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className={`divide-y divide-slate-100 ${ui.cardTable}`}>
                {deliveries.data.map((d) => (
                  <tr key={d.id} className={ui.cardRow} data-status={d.status}>
                    <td {...cardCell(t("col.when"))}>{formatDateTime(d.sentAt ?? d.createdAt)}</td>
                    <td {...cardCell(t("col.channel"))}>{nameOf(d.channelId)}</td>
                    <td {...cardCell(t("col.event"))}>{t(`event.${d.event}`)}</td>
                    <td {...cardCell(t("col.status"))}>
                      <span
                        className={
                          d.status === "sent"
                            ? "text-emerald-700"
                            : d.status === "failed"
                              ? "text-red-700"
                              : "text-amber-700"
                        }
                      >
                        {t(`status.${d.status}`)}
                      </span>
                      {d.status === "pending" && (
                        <span className="ml-2 text-xs text-slate-500">
                          {t("dueAt", { at: formatDateTime(d.dueAt, { seconds: false }) })}
                        </span>
                      )}
                    </td>
                    <td {...cardCell(t("col.attempts"))}>{d.attempts}</td>
                    <td {...cardCell(t("col.error"), "max-w-md whitespace-normal break-words")}>
                      {d.lastError ?? ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <ConfirmDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting.id)}
        title={t("deleteTitle", { name: deleting?.name ?? "" })}
        description={t("deleteBody")}
        confirmLabel={t("delete")}
        danger
      />
    </div>
  );
}

function targetText(c: ChannelJson): string {
  const t = c.target as { webhookUrl?: string; to?: string | string[]; token?: string };
  if (c.kind === "slack") return t.webhookUrl ?? "";
  if (c.kind === "line") return `${String(t.to ?? "")} · ${t.token ?? ""}`;
  return Array.isArray(t.to) ? t.to.join(", ") : "";
}

function ChannelForm({ channel, onDone }: { channel: ChannelJson | null; onDone: () => void }) {
  const t = useTranslations("alertsAdmin");
  const offline = useTranslations("errors")("NETWORK");
  const [d, setD] = useState<Draft>(() => (channel ? draftOf(channel) : EMPTY));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setD((v) => ({ ...v, [key]: value }));
  const save = useMutation({
    mutationFn: () =>
      channel
        ? sendJson("PUT", `/api/alert-channels/${channel.id}`, bodyOf(d), offline)
        : sendJson("POST", "/api/alert-channels", bodyOf(d), offline),
    onSuccess: () => {
      toast.success(t("saved"));
      onDone();
    },
  });
  const problems = problemsByField(save.error);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const input = (
    key: "name" | "webhookUrl" | "lineTo" | "lineToken" | "emails",
    field: string,
    extra: { mono?: boolean; type?: string; autoComplete?: string } = {},
  ) => (
    <div className="space-y-1">
      <label htmlFor={`channel-${key}`} className={ui.label}>
        {t(`field.${key}`)}
      </label>
      <input
        id={`channel-${key}`}
        type={extra.type ?? "text"}
        autoComplete={extra.autoComplete ?? "off"}
        className={`${ui.input} ${extra.mono ? "font-mono" : ""}`}
        value={d[key]}
        aria-invalid={problems[field] ? true : undefined}
        aria-describedby={`channel-${key}-hint${problems[field] ? ` channel-${key}-error` : ""}`}
        onChange={(e) => set(key, e.target.value)}
      />
      <p id={`channel-${key}-hint`} className="text-xs text-slate-500">
        {t(`hint.${key}`)}
      </p>
      {problems[field] && (
        <p id={`channel-${key}-error`} role="alert" className="text-sm text-red-700">
          {problems[field]}
        </p>
      )}
    </div>
  );
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={channel ? t("editTitle", { name: channel.name }) : t("addTitle")}
      className={`${ui.card} space-y-4`}
    >
      <h3 className="font-semibold text-slate-900">
        {channel ? t("editTitle", { name: channel.name }) : t("addTitle")}
      </h3>
      <div className="grid gap-4 md:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor="channel-kind" className={ui.label}>
            {t("field.kind")}
          </label>
          <select
            id="channel-kind"
            className={ui.input}
            value={d.kind}
            disabled={channel !== null}
            onChange={(e) => set("kind", e.target.value as AlertChannelKind)}
          >
            {ALERT_CHANNEL_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        {input("name", "name")}
        {d.kind === "slack" && input("webhookUrl", "target.webhookUrl", { mono: true })}
        {d.kind === "line" && input("lineTo", "target.to", { mono: true })}
        {d.kind === "line" && input("lineToken", "target.token", { mono: true, type: "password" })}
        {d.kind === "email" && input("emails", "target.to", { type: "text" })}
        <div className="space-y-1">
          <label htmlFor="channel-locale" className={ui.label}>
            {t("field.locale")}
          </label>
          <select
            id="channel-locale"
            className={ui.input}
            value={d.locale}
            onChange={(e) => set("locale", e.target.value as "th" | "en")}
          >
            <option value="th">ไทย</option>
            <option value="en">English</option>
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="channel-severity" className={ui.label}>
            {t("field.minSeverity")}
          </label>
          <select
            id="channel-severity"
            className={ui.input}
            value={d.minSeverity}
            onChange={(e) => set("minSeverity", e.target.value as AlertSeverity)}
          >
            {ALERT_SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`from.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset
        className="space-y-2"
        aria-describedby={problems.alerts ? "channel-alerts-error" : undefined}
      >
        <legend className={ui.label}>{t("field.alerts")}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={d.allAlerts}
            onChange={(e) => set("allAlerts", e.target.checked)}
          />
          {t("allAlerts")}
        </label>
        {!d.allAlerts && (
          <div className="grid gap-1 sm:grid-cols-2">
            {ALERT_KINDS.map((k) => (
              <label key={k} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={d.alerts.includes(k)}
                  onChange={(e) =>
                    set(
                      "alerts",
                      e.target.checked ? [...d.alerts, k] : d.alerts.filter((x) => x !== k),
                    )
                  }
                />
                {t(`alertKind.${k}`)}
              </label>
            ))}
          </div>
        )}
        {problems.alerts && (
          <p id="channel-alerts-error" role="alert" className="text-sm text-red-700">
            {problems.alerts}
          </p>
        )}
      </fieldset>
      <fieldset className="space-y-2">
        <legend className={ui.label}>{t("field.quiet")}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={d.quiet}
            onChange={(e) => set("quiet", e.target.checked)}
          />
          {t("quietOn")}
        </label>
        {d.quiet && (
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <label htmlFor="channel-quiet-from">{t("quietFrom")}</label>
            <input
              id="channel-quiet-from"
              type="time"
              className={`${ui.field} w-32`}
              value={d.quietFrom}
              onChange={(e) => set("quietFrom", e.target.value)}
            />
            <label htmlFor="channel-quiet-to">{t("quietTo")}</label>
            <input
              id="channel-quiet-to"
              type="time"
              className={`${ui.field} w-32`}
              value={d.quietTo}
              onChange={(e) => set("quietTo", e.target.value)}
            />
          </div>
        )}
        <p className="text-xs text-slate-500">{t("hint.quiet")}</p>
        {problems.quietHours && (
          <p role="alert" className="text-sm text-red-700">
            {problems.quietHours}
          </p>
        )}
      </fieldset>
      <div className="flex flex-wrap gap-4 text-sm">
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={d.digest}
            onChange={(e) => set("digest", e.target.checked)}
          />
          {t("field.digest")}
        </label>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={d.active}
            onChange={(e) => set("active", e.target.checked)}
          />
          {t("field.active")}
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={save.isPending}>
          {t("save")}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          {t("cancel")}
        </Button>
        {save.error instanceof ApiRefusal && (
          <p role="alert" className="text-sm text-red-700">
            {save.error.message}
          </p>
        )}
      </div>
    </form>
  );
}
