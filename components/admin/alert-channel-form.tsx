"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, type ReactNode, useState } from "react";
import { toast } from "sonner";

import { Button } from "@/components/ui/button";
import { Field, SelectField, TextField } from "@/components/ui/field";
import { ui } from "@/components/ui/styles";
import {
  ALERT_CHANNEL_KINDS,
  ALERT_KINDS,
  ALERT_SEVERITIES,
  type AlertChannelKind,
  type AlertKind,
  type AlertSeverity,
} from "@/db/enums";
import type { ChannelJson } from "@/lib/alerts/channel-admin";
import { ApiRefusal, problemsByField, sendJson } from "@/lib/api/client";

/**
 * Adding or changing an alert channel (`/admin/alerts`): the fields its kind needs, which
 * alerts it takes, quiet hours; every refusal shown next to its field. A secret is shown
 * masked and sent back as it is to keep it.
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

/** A checkbox with its words on one line. */
function CheckLine({
  checked,
  onChange,
  children,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
}) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {children}
    </label>
  );
}

export function ChannelForm({
  channel,
  onDone,
}: {
  channel: ChannelJson | null;
  onDone: () => void;
}) {
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
  /** A text field of the draft, with its hint and the refusal of `field` (the API's path). */
  const text = (key: "name" | "webhookUrl" | "lineTo" | "emails", field: string, mono = false) => (
    <TextField
      id={`channel-${key}`}
      label={t(`field.${key}`)}
      hint={t(`hint.${key}`)}
      error={problems[field]}
      mono={mono}
      value={d[key]}
      onChange={(value) => set(key, value)}
    />
  );
  const title = channel ? t("editTitle", { name: channel.name }) : t("addTitle");
  return (
    <form onSubmit={onSubmit} noValidate aria-label={title} className={`${ui.card} space-y-4`}>
      <h3 className="font-semibold text-slate-900">{title}</h3>
      <div className="grid gap-4 md:grid-cols-2">
        <Field id="channel-kind" label={t("field.kind")}>
          {(control) => (
            <select
              {...control}
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
          )}
        </Field>
        {text("name", "name")}
        {d.kind === "slack" && text("webhookUrl", "target.webhookUrl", true)}
        {d.kind === "line" && text("lineTo", "target.to", true)}
        {d.kind === "line" && (
          <Field
            id="channel-lineToken"
            label={t("field.lineToken")}
            hint={t("hint.lineToken")}
            error={problems["target.token"]}
            mono
          >
            {(control) => (
              <input
                {...control}
                type="password"
                autoComplete="off"
                value={d.lineToken}
                onChange={(e) => set("lineToken", e.target.value)}
              />
            )}
          </Field>
        )}
        {d.kind === "email" && text("emails", "target.to")}
        <SelectField
          id="channel-locale"
          label={t("field.locale")}
          value={d.locale}
          onChange={(value) => set("locale", value as "th" | "en")}
          options={[
            { value: "th", label: "ไทย" },
            { value: "en", label: "English" },
          ]}
        />
        <SelectField
          id="channel-severity"
          label={t("field.minSeverity")}
          value={d.minSeverity}
          onChange={(value) => set("minSeverity", value as AlertSeverity)}
          options={ALERT_SEVERITIES.map((s) => ({ value: s, label: t(`from.${s}`) }))}
        />
      </div>
      <fieldset
        className="space-y-2"
        aria-describedby={problems.alerts ? "channel-alerts-error" : undefined}
      >
        <legend className={ui.label}>{t("field.alerts")}</legend>
        <CheckLine checked={d.allAlerts} onChange={(on) => set("allAlerts", on)}>
          {t("allAlerts")}
        </CheckLine>
        {!d.allAlerts && (
          <div className="grid gap-1 sm:grid-cols-2">
            {ALERT_KINDS.map((k) => (
              <CheckLine
                key={k}
                checked={d.alerts.includes(k)}
                onChange={(on) =>
                  set("alerts", on ? [...d.alerts, k] : d.alerts.filter((x) => x !== k))
                }
              >
                {t(`alertKind.${k}`)}
              </CheckLine>
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
        <CheckLine checked={d.quiet} onChange={(on) => set("quiet", on)}>
          {t("quietOn")}
        </CheckLine>
        {d.quiet && (
          <div className="flex flex-wrap items-center gap-2 text-sm">
            {(["quietFrom", "quietTo"] as const).map((key) => (
              <span key={key} className="contents">
                <label htmlFor={`channel-${key}`}>{t(key)}</label>
                <input
                  id={`channel-${key}`}
                  type="time"
                  className={`${ui.field} w-32`}
                  value={d[key]}
                  onChange={(e) => set(key, e.target.value)}
                />
              </span>
            ))}
          </div>
        )}
        <p className="text-xs text-slate-500">{t("hint.quiet")}</p>
        {problems.quietHours && (
          <p role="alert" className="text-sm text-red-700">
            {problems.quietHours}
          </p>
        )}
      </fieldset>
      <div className="flex flex-wrap gap-4">
        <CheckLine checked={d.digest} onChange={(on) => set("digest", on)}>
          {t("field.digest")}
        </CheckLine>
        <CheckLine checked={d.active} onChange={(on) => set("active", on)}>
          {t("field.active")}
        </CheckLine>
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
