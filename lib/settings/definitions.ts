import type { FieldProblem } from "@/lib/errors";

/**
 * The settings an administrator changes in the page: each one typed (a whole number), with
 * its unit, its allowed range and its default. Browser-safe (no database): the settings
 * form reads the same list. Labels and explanations live in the message catalog under
 * `settings.<key>`; docs/operations.md explains the defaults.
 */
export const SETTINGS = {
  lowBalanceBaht: { group: "balance", unit: "baht", min: 0, max: 10_000_000, default: 20_000 },
  runwayWarningHours: { group: "balance", unit: "hours", min: 1, max: 720, default: 12 },
  warningClearGapPercent: { group: "balance", unit: "percent", min: 0, max: 100, default: 10 },
  stuckAfterHours: { group: "orders", unit: "hours", min: 1, max: 168, default: 24 },
  reviewSlaHours: { group: "review", unit: "hours", min: 1, max: 168, default: 8 },
  claimTimeoutMinutes: { group: "review", unit: "minutes", min: 5, max: 1_440, default: 30 },
  reissueApprovalBaht: { group: "review", unit: "baht", min: 0, max: 10_000_000, default: 1_000 },
  duplicateSubmitWindowMinutes: {
    group: "orders",
    unit: "minutes",
    min: 0,
    max: 1_440,
    default: 10,
  },
  callbackSilenceMinutes: { group: "orders", unit: "minutes", min: 5, max: 1_440, default: 30 },
  bodyRetentionDays: { group: "logs", unit: "days", min: 7, max: 3_650, default: 90 },
  refusedCallbackPercent: { group: "alerts", unit: "percent", min: 1, max: 100, default: 10 },
  upstreamErrorPercent: { group: "alerts", unit: "percent", min: 1, max: 100, default: 20 },
  alertRepeatHours: { group: "alerts", unit: "hours", min: 1, max: 168, default: 4 },
  /** Minutes after midnight, Bangkok: 510 is 08:30. */
  digestTime: { group: "alerts", unit: "clock", min: 0, max: 1_439, default: 510 },
} as const satisfies Record<string, SettingDefinition>;

export type SettingDefinition = {
  /** Where the settings page shows it. */
  group: "balance" | "orders" | "review" | "logs" | "alerts";
  /** `clock`: a Bangkok time of day, stored as minutes after midnight, written "HH:MM". */
  unit: "baht" | "hours" | "minutes" | "percent" | "days" | "clock";
  min: number;
  max: number;
  default: number;
};

export type SettingKey = keyof typeof SETTINGS;
export type Settings = Record<SettingKey, number>;

export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

export const DEFAULT_SETTINGS = Object.fromEntries(
  SETTING_KEYS.map((key) => [key, SETTINGS[key].default]),
) as Settings;

/**
 * Checks a partial change of settings. Every value must be a whole number in its range;
 * a key that is not a setting is refused too. Returns the values and every problem found.
 */
export function checkSettings(input: unknown): {
  values: Partial<Settings>;
  problems: FieldProblem[];
} {
  const problems: FieldProblem[] = [];
  const values: Partial<Settings> = {};
  if (typeof input !== "object" || input === null || Array.isArray(input))
    return { values, problems: [{ field: "body", code: "SETTINGS_OBJECT" }] };
  for (const [key, raw] of Object.entries(input)) {
    if (!Object.hasOwn(SETTINGS, key)) {
      problems.push({ field: key, code: "SETTING_UNKNOWN" });
      continue;
    }
    const def: SettingDefinition = SETTINGS[key as SettingKey];
    const clock = typeof raw === "string" ? /^\s*(\d{1,2}):(\d{2})\s*$/.exec(raw) : null;
    if (def.unit === "clock" && clock) {
      const [hours, minutes] = [Number(clock[1]), Number(clock[2])];
      if (hours > 23 || minutes > 59) problems.push({ field: key, code: "SETTING_CLOCK" });
      else values[key as SettingKey] = hours * 60 + minutes;
      continue;
    }
    const value = typeof raw === "string" && /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : raw;
    if (typeof value !== "number" || !Number.isSafeInteger(value)) {
      problems.push({ field: key, code: "SETTING_WHOLE_NUMBER" });
      continue;
    }
    if (value < def.min || value > def.max) {
      problems.push({ field: key, code: "SETTING_RANGE", params: { min: def.min, max: def.max } });
      continue;
    }
    values[key as SettingKey] = value;
  }
  return { values, problems };
}

/** A clock setting as people write it: 510 → "08:30". */
export function clockText(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}
