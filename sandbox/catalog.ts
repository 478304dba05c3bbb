import fs from "node:fs";
import path from "node:path";

/** The sandbox's package catalog, shipped as a file in the dashboard's import format. */
export type CatalogField = {
  key: string;
  label: { th: string; en: string };
  required: boolean;
  options?: { value: string; label: { th: string; en: string } }[];
};
export type CatalogEntry = {
  packageId: string;
  game: string;
  name: { th: string; en: string };
  priceSatang: number;
  active: boolean;
  fields: CatalogField[];
};

export const CATALOG_FILE = path.join(import.meta.dirname, "catalog.json");

export function loadCatalog(file = CATALOG_FILE): CatalogEntry[] {
  return JSON.parse(fs.readFileSync(file, "utf8")) as CatalogEntry[];
}
