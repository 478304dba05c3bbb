import { formatSatang } from "@/lib/format";

/** Figures as the overview shows them. */
export const count = (n: number) => n.toLocaleString("en-US");
export const percent = (rate: number | null) =>
  rate === null ? "—" : `${(rate * 100).toFixed(1)}%`;
/** Whole baht for axes and tiles where satang are noise: ฿12,346. */
export const baht = (satang: number) =>
  formatSatang(Math.round(satang / 100) * 100).replace(/\.00$/, "");

/** A duration bucket's upper bound in seconds, as words: "≤ 10 s", "≤ 5 min", "> 24 h". */
export function durationText(
  seconds: number | null,
  t: (key: "seconds" | "minutes" | "hours" | "overDay", values?: { n: number }) => string,
): string {
  if (seconds === null) return "—";
  if (seconds >= 2_147_483_647) return t("overDay");
  if (seconds < 60) return t("seconds", { n: seconds });
  if (seconds < 3600) return t("minutes", { n: Math.round(seconds / 60) });
  return t("hours", { n: Math.round(seconds / 3600) });
}
