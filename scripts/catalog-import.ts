import fs from "node:fs";

import { args, fail, loadDotEnv } from "./cli";

loadDotEnv();
const { getDb } = await import("@/lib/db");
const { CatalogError, importCatalog } = await import("@/lib/catalog/import-catalog");

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
  const { inserted, updated } = await importCatalog(getDb(), text);
  console.log(`Catalog imported from ${file}: ${inserted} new, ${updated} updated.`);
} catch (error) {
  if (error instanceof CatalogError) fail(error.message);
  throw error;
}
