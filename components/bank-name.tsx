import { useTranslations } from "next-intl";

import { wordsOf } from "@/lib/i18n/words";

/**
 * A bank by its name in the person's language, with the gateway's code on hover (a code we
 * have no name for is shown as it is). Works in server and client components alike.
 */
export function BankName({ code }: { code: string }) {
  const words = wordsOf(useTranslations());
  return <span title={code}>{words.bank(code)}</span>;
}
