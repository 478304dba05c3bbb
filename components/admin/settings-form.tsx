"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";

import { ui } from "@/components/ui/styles";
import {
  clockText,
  SETTING_KEYS,
  SETTINGS,
  type SettingDefinition,
  type SettingKey,
  type Settings,
} from "@/lib/settings/definitions";

import { ApiRefusal, problemsByField, sendJson } from "@/lib/api/client";
import { Button } from "@/components/ui/button";

const GROUPS = ["balance", "orders", "review", "logs", "alerts"] as const;

/** A value as the form shows it: a clock setting as "HH:MM", the rest as figures. */
const shown = (key: SettingKey, value: number) =>
  SETTINGS[key].unit === "clock" ? clockText(value) : String(value);

/** Every setting with its unit, range and explanation; only changed values are sent. */
export function SettingsForm({ initial }: { initial: Settings }) {
  const t = useTranslations("settings");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const [values, setValues] = useState<Record<SettingKey, string>>(
    () =>
      Object.fromEntries(
        Object.entries(initial).map(([k, v]) => [k, shown(k as SettingKey, v)]),
      ) as Record<SettingKey, string>,
  );
  const save = useMutation({
    mutationFn: (changed: Record<string, string>) =>
      sendJson<{ settings: Settings }>("PUT", "/api/settings", changed, tErrors("NETWORK")),
    onSuccess: () => router.refresh(),
  });
  const [unchanged, setUnchanged] = useState(false);
  const problems = problemsByField(save.error);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const changed = Object.fromEntries(
      Object.entries(values).filter(
        ([key, value]) => value.trim() !== shown(key as SettingKey, initial[key as SettingKey]),
      ),
    );
    setUnchanged(Object.keys(changed).length === 0);
    if (Object.keys(changed).length > 0) save.mutate(changed);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-6" aria-label={t("title")} noValidate>
      {GROUPS.map((group) => (
        <fieldset key={group} className={`${ui.card} space-y-4`}>
          <legend className="px-1 text-base font-semibold text-slate-900">
            {t(`group.${group}`)}
          </legend>
          {SETTING_KEYS.filter((key) => SETTINGS[key].group === group).map((key) => {
            const def: SettingDefinition = SETTINGS[key];
            const clock = def.unit === "clock";
            const figure = (n: number) => (clock ? clockText(n) : n.toLocaleString("en-US"));
            const error = problems[key];
            return (
              <div
                key={key}
                className="grid gap-1 sm:grid-cols-[16rem_1fr] sm:items-start sm:gap-4"
              >
                <label htmlFor={`setting-${key}`} className={`${ui.label} sm:pt-2`}>
                  {t(`${key}.label`)}
                </label>
                <div className="space-y-1">
                  <div className="flex items-center gap-2">
                    <input
                      id={`setting-${key}`}
                      name={key}
                      type={clock ? "time" : "text"}
                      inputMode={clock ? undefined : "numeric"}
                      className={`${ui.input} max-w-40`}
                      value={values[key]}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={`setting-${key}-help${error ? ` setting-${key}-error` : ""}`}
                      onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))}
                    />
                    <span className="text-sm text-slate-600">{t(`unit.${def.unit}`)}</span>
                  </div>
                  {error && (
                    <p id={`setting-${key}-error`} className="text-sm text-red-700" role="alert">
                      {error}
                    </p>
                  )}
                  <p id={`setting-${key}-help`} className="text-xs text-slate-500">
                    {t(`${key}.help`)}{" "}
                    {t("range", {
                      min: figure(def.min),
                      max: figure(def.max),
                      default: figure(def.default),
                    })}
                  </p>
                </div>
              </div>
            );
          })}
        </fieldset>
      ))}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? t("saving") : t("save")}
        </Button>
        <p aria-live="polite" className="text-sm">
          {save.isSuccess && !unchanged && <span className="text-emerald-700">{t("saved")}</span>}
          {unchanged && <span className="text-slate-600">{t("unchanged")}</span>}
          {save.error instanceof ApiRefusal && (
            <span className="text-red-700">{save.error.message}</span>
          )}
        </p>
      </div>
    </form>
  );
}
