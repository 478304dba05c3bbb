import fs from "node:fs";

import type thMessages from "@/lib/i18n/messages/th.json";

/** The Thai message catalog, as the pages show it (read from disk: Playwright's loader does not import JSON). */
export const th: typeof thMessages = JSON.parse(
  fs.readFileSync(new URL("../lib/i18n/messages/th.json", import.meta.url), "utf8"),
);
