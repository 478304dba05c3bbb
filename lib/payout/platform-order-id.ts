/**
 * `platform_order_id`: 3 alphanumerics, `W`, `YYYYMMDD`, 12 alphanumerics — 24 characters
 * (docs/upstreams.md, gateway). Anything else is refused before any call is made.
 */
const FORMAT = /^[A-Za-z0-9]{3}W(\d{4})(\d{2})(\d{2})[A-Za-z0-9]{12}$/;

export function isPlatformOrderId(value: string): boolean {
  const m = FORMAT.exec(value);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}
