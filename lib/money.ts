/**
 * Baht with up to two decimals → integer satang, exactly. A JSON number reaches us as a
 * double; its shortest round-trip text ("1000.1", "0.07") is what the gateway wrote, and
 * that text is converted digit by digit, never multiplied as a float.
 * Returns null for anything that is not such an amount (three decimals, exponent, NaN).
 */
/**
 * An amount as a person types it in a filter: `1,000`, `฿1,000.50`, `1 000 บาท`, `THB 20`.
 * The currency sign or word, thousands separators and spaces go; what is left must be
 * baht with at most two decimals.
 */
export function typedBahtToSatang(text: string): number | null {
  const bare = text.replace(/฿|บาท|\bTHB\b/giu, "").replace(/[,\s\u00a0\u202f]/gu, "");
  return bare ? bahtToSatang(bare) : null;
}

export function bahtToSatang(amount: number | string): number | null {
  const text =
    typeof amount === "number" ? (Number.isFinite(amount) ? String(amount) : "") : amount.trim();
  const m = /^(-?)(\d{1,13})(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return null;
  const satang = Number(m[2]) * 100 + Number((m[3] ?? "").padEnd(2, "0"));
  return m[1] && satang !== 0 ? -satang : satang;
}

/** A whole-baht figure of the settings (thresholds, limits) in satang, as amounts are stored. */
export function wholeBahtToSatang(baht: number): number {
  return baht * 100;
}
