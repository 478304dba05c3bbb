/**
 * Baht with up to two decimals → integer satang, exactly. A JSON number reaches us as a
 * double; its shortest round-trip text ("1000.1", "0.07") is what the gateway wrote, and
 * that text is converted digit by digit, never multiplied as a float.
 * Returns null for anything that is not such an amount (three decimals, exponent, NaN).
 */
export function bahtToSatang(amount: number | string): number | null {
  const text =
    typeof amount === "number" ? (Number.isFinite(amount) ? String(amount) : "") : amount.trim();
  const m = /^(-?)(\d{1,13})(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return null;
  const satang = Number(m[2]) * 100 + Number((m[3] ?? "").padEnd(2, "0"));
  return m[1] && satang !== 0 ? -satang : satang;
}
