import { TIME_ZONE } from "@/lib/i18n/config";

/**
 * Money is integer satang end to end; this is the one formatter for THB. Integer arithmetic
 * only, so no float ever rounds a displayed amount: 123456 → "฿1,234.56".
 */
export function formatSatang(satang: number): string {
  if (!Number.isSafeInteger(satang))
    throw new RangeError(`not an integer satang amount: ${satang}`);
  const sign = satang < 0 ? "-" : "";
  const abs = Math.abs(satang);
  const baht = Math.floor(abs / 100);
  const rest = String(abs % 100).padStart(2, "0");
  return `${sign}฿${baht.toLocaleString("en-US")}.${rest}`;
}

/** Decimal baht with two places, no symbol or grouping (CSV exports): 100010 → "1000.10". */
export function satangToDecimal(satang: number): string {
  const sign = satang < 0 ? "-" : "";
  const abs = Math.abs(satang);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

const bangkokParts = new Intl.DateTimeFormat("en-CA", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

function parts(instant: Date | number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of bangkokParts.formatToParts(instant)) out[p.type] = p.value;
  return out;
}

/**
 * Bangkok wall time, `YYYY-MM-DD HH:mm:ss`: unambiguous in both languages and sortable.
 * Takes an instant as the JSON API sends it (ISO-8601) too.
 */
export function formatDateTime(
  instant: Date | number | string | null | undefined,
  { seconds = true }: { seconds?: boolean } = {},
): string {
  if (instant === null || instant === undefined) return "—";
  const p = parts(typeof instant === "string" ? new Date(instant) : instant);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}${seconds ? `:${p.second}` : ""}`;
}

/** The Bangkok calendar day of an instant, `YYYY-MM-DD`. */
export function bangkokDay(instant: Date | number): string {
  const p = parts(instant);
  return `${p.year}-${p.month}-${p.day}`;
}

const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000; // Thailand has no daylight saving time.

/** `YYYY-MM-DD` (a Bangkok day) → the UTC instant at its start, or null when malformed. */
export function bangkokDayStart(day: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const date = new Date(utc - BANGKOK_OFFSET_MS);
  return bangkokDay(date) === day ? date : null;
}

/** `YYYY-MM-DD HH:mm:ss` in Bangkok time → UTC instant, or null when malformed. */
export function parseBangkokDateTime(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const utc = Date.UTC(y, mo - 1, d, h, mi, s) - BANGKOK_OFFSET_MS;
  const date = new Date(utc);
  return formatDateTime(date) === text ? date : null;
}
