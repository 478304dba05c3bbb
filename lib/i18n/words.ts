/**
 * The words a person reads for the codes the database holds: statuses, bank codes, failure
 * reasons. Given either next-intl translator (`useTranslations()` or `getTranslations()`,
 * without a namespace); a code without words is shown as it is.
 */
type Translator = {
  (key: never): string;
  has: (key: never) => boolean;
  raw: (key: never) => unknown;
};

export type Words = {
  status: (status: string) => string;
  bank: (code: string) => string;
  /** A reason code's sentence (errors.*), or the upstream's own text as it came. */
  reason: (reason: string | null | undefined) => string;
};

export function wordsOf(translator: unknown): Words {
  const t = translator as Translator;
  const known = (key: string) => {
    if (!t.has(key as never)) return null;
    // A sentence with placeholders needs values a stored code does not carry.
    const raw = t.raw(key as never);
    return typeof raw === "string" && !raw.includes("{") ? t(key as never) : null;
  };
  return {
    status: (status) => known(`status.${status}`) ?? status,
    bank: (code) => known(`banks.${code}`) ?? code,
    reason: (reason) => (reason ? (known(`errors.${reason}`) ?? reason) : ""),
  };
}
