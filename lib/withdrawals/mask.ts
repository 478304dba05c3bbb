/**
 * Personal data as lists and exports show it by default: an account number as
 * `xxx-x-x7890` (the last four digits, enough to confirm with a customer) and a name as
 * the first name and the initial of the last, Thai or Latin: `สมชาย จ.` for สมชาย ใจดี. A Thai initial is
 * the first consonant: leading vowels (เ แ โ ใ ไ are written before it) and marks are skipped.
 */
export function maskAccountNo(accountNo: string): string {
  const digits = accountNo.replace(/\D/g, "");
  if (digits.length <= 4) return "x".repeat(digits.length);
  return `xxx-x-x${digits.slice(-4)}`;
}

export function maskAccountName(name: string): string {
  const [first = "", ...rest] = name.trim().split(/\s+/);
  const last = rest.at(-1);
  const initial = last ? (/[\u0E01-\u0E2E]/.exec(last)?.[0] ?? [...last][0]) : undefined;
  return initial ? `${first} ${initial}.` : first;
}
