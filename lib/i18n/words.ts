import { failureReasonCode } from "@/lib/topups/failure-reasons";

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
  /**
   * A failure reason's label (reasons.*, else errors.* when it needs no values; P2W's known
   * sentences by their code: lib/topups/failure-reasons.ts), or the upstream's own text.
   */
  reason: (reason: string | null | undefined) => string;
  /**
   * Who did something: the person's name when known, the system's part in words
   * (`system:callback` → "System (callback)"), else the stored actor.
   */
  actor: (actor: string, name?: string | null) => string;
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
    actor: (actor, name) => {
      if (name) return name;
      const part = /^system:([a-z-]+)$/.exec(actor)?.[1];
      if (part) return known(`actors.${part}`) ?? known("actors.system") ?? actor;
      return actor.startsWith("user:") ? (known("actors.formerUser") ?? actor) : actor;
    },
    reason: (reason) => {
      if (!reason) return "";
      const code = failureReasonCode(reason);
      return known(`reasons.${code}`) ?? known(`errors.${code}`) ?? reason;
    },
  };
}
