/**
 * Quiet hours in Bangkok time ("22:00" to "07:00"), which has no daylight saving: UTC+7 all
 * year, so a clock time is a fixed number of minutes from UTC midnight. Browser-safe.
 */
const BANGKOK_OFFSET_MIN = 7 * 60;
const DAY_MIN = 24 * 60;

export type QuietHours = { from: string; to: string };

/** "HH:MM" → minutes after midnight; null when it is not a time of day. */
export function clockMinutes(text: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

/** Minutes after midnight on a Bangkok clock at this instant. */
export function bangkokMinuteOfDay(at: Date): number {
  const minutes = Math.floor(at.getTime() / 60_000) + BANGKOK_OFFSET_MIN;
  return ((minutes % DAY_MIN) + DAY_MIN) % DAY_MIN;
}

/**
 * When quiet hours that hold `at` end; `at` itself when they do not hold it (or are not
 * set, or from equals to). A span past midnight (22:00–07:00) holds both ends of the night.
 */
export function quietUntil(quiet: QuietHours | null, at: Date): Date {
  if (!quiet) return at;
  const [from, to] = [clockMinutes(quiet.from), clockMinutes(quiet.to)];
  if (from === null || to === null || from === to) return at;
  const now = bangkokMinuteOfDay(at);
  const inside = from < to ? now >= from && now < to : now >= from || now < to;
  if (!inside) return at;
  const wait = (to - now + DAY_MIN) % DAY_MIN;
  const startOfMinute = Math.floor(at.getTime() / 60_000) * 60_000;
  return new Date(startOfMinute + wait * 60_000);
}
