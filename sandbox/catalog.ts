import fs from "node:fs";
import path from "node:path";

import type { CatalogEntry } from "@/lib/catalog/package-rules";

/** The sandbox's package catalog, shipped as a file in the dashboard's import format. */
export type { CatalogEntry };

export const CATALOG_FILE = path.join(import.meta.dirname, "catalog.json");

export function loadCatalog(file = CATALOG_FILE): CatalogEntry[] {
  return JSON.parse(fs.readFileSync(file, "utf8")) as CatalogEntry[];
}
