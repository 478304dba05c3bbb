import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";

import { LOCALE_COOKIE, pickLocale, TIME_ZONE } from "./config";
import en from "./messages/en.json";
import th from "./messages/th.json";

const MESSAGES = { en, th };

export default getRequestConfig(async () => {
  const locale = pickLocale(
    (await cookies()).get(LOCALE_COOKIE)?.value,
    (await headers()).get("accept-language"),
  );
  return { locale, messages: MESSAGES[locale], timeZone: TIME_ZONE };
});
