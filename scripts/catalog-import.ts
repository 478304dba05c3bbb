import fs from "node:fs";

import { args, fail, loadDotEnv } from "./cli";

loadDotEnv();
const { getDb } = await import("@/lib/db");
const { importCatalog } = await import("@/lib/catalog/catalog-admin");
const { InvalidInput } = await import("@/lib/errors");
const { translateCodeIn } = await import("@/lib/i18n/translate");

const { positionals } = args({});
const file = positionals[0];
if (!file) fail("usage: npm run catalog:import -- FILE");
let text: string;
try {
  text = fs.readFileSync(file, "utf8");
} catch (error) {
  fail(`cannot read ${file}: ${(error as Error).message}`);
}
try {
  const { inserted, updated, unchanged } = await importCatalog(getDb(), null, text);
  console.log(
    `Catalog imported from ${file}: ${inserted} new, ${updated} updated, ${unchanged} unchanged.`,
  );
  getDb().$store.close();
} catch (error) {
  if (!(error instanceof InvalidInput)) throw error;
  const lines = error.problems.map((p) => {
    const where = p.entry
      ? `entry ${p.entry.position}${p.entry.packageId ? ` (${p.entry.packageId})` : ""}: `
      : "";
    return `  - ${where}${p.field}: ${translateCodeIn("en", p.code, p.params)}`;
  });
  fail(`The catalog file is not valid; nothing was imported:\n${lines.join("\n")}`);
}
