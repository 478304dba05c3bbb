/**
 * Where each overview figure leads: the list filtered to exactly what it counts. Browser-safe.
 * Ranges are Bangkok days, as the lists' `from`/`to` filters take them.
 */
export type Days = { from: string; to: string };

function href(path: string, params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== "") search.set(key, String(value));
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

export const links = {
  topups: (days: Days, extra: { status?: string; reason?: string; packageId?: string } = {}) =>
    href("/topups", { ...extra, from: days.from, to: days.to }),
  /** One bar of the series: an hour of a one-day range, or one day of a longer one. */
  topupsAt: (days: Days, unit: "hour" | "day", index: number, label: string, status?: string) =>
    unit === "hour"
      ? href("/topups", { status, from: days.from, to: days.from, hour: index })
      : href("/topups", { status, from: label, to: label }),
  /** Waiting now, whenever created: the age bars count these. */
  waiting: (statuses: readonly string[]) => href("/topups", { status: statuses.join(",") }),
  withdrawals: (days: Days | null, extra: { status?: string } = {}) =>
    href("/withdrawals", { ...extra, from: days?.from, to: days?.to }),
  withdrawalsAt: (days: Days, unit: "hour" | "day", index: number, label: string) =>
    unit === "hour"
      ? href("/withdrawals", { from: days.from, to: days.from, hour: index })
      : href("/withdrawals", { from: label, to: label }),
  review: (extra: { reason?: string; kind?: string } = {}) => href("/review", extra),
};
