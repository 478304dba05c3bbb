import fs from "node:fs";

import { describe, expect, it } from "vitest";

import { listPackages } from "@/db/queries/packages";
import { tempDb } from "@/db/testing/temp-db";
import { CATALOG_FILE } from "@/sandbox/catalog";

import { CatalogError, importCatalog, parseCatalog } from "./import-catalog";

const shipped = fs.readFileSync(CATALOG_FILE, "utf8");

describe("catalog import", () => {
  it("imports the sandbox's catalog and upserts on a second run", async () => {
    const db = tempDb();
    const first = await importCatalog(db, shipped);
    expect(first.inserted).toBeGreaterThan(10);
    const changed = (JSON.parse(shipped) as { packageId: string; priceSatang: number }[]).map(
      (p, i) => (i === 0 ? { ...p, priceSatang: 12_345 } : p),
    );
    expect(await importCatalog(db, JSON.stringify(changed))).toEqual({
      inserted: 0,
      updated: first.inserted,
    });
    expect(
      (await listPackages(db)).find((p) => p.packageId === changed[0]?.packageId)?.priceSatang,
    ).toBe(12_345);
  });

  it("validates the whole file first; errors name the entry and the field; nothing is written", async () => {
    const db = tempDb();
    const entries = JSON.parse(shipped) as Record<string, unknown>[];
    const broken = [
      entries[0],
      { ...entries[1], priceSatang: 10.5 },
      { ...entries[2], name: { th: "ชื่อ" } },
    ];
    let problems: string[] = [];
    try {
      await importCatalog(db, JSON.stringify(broken));
    } catch (error) {
      problems = (error as CatalogError).problems;
    }
    expect(problems).toEqual([
      expect.stringMatching(/^entry 2 \(ROLTH_A01_P002\): priceSatang: /),
      expect.stringMatching(/^entry 3 \(ROLTH_A01_P003\): name\.en: /),
    ]);
    expect(await listPackages(db)).toEqual([]);
  });

  it("refuses duplicates and non-arrays", () => {
    const entries = JSON.parse(shipped) as unknown[];
    expect(() => parseCatalog(JSON.stringify([entries[0], entries[0]]))).toThrow(
      /appears more than once/,
    );
    expect(() => parseCatalog("{}")).toThrow(CatalogError);
    expect(() => parseCatalog("nope")).toThrow(/not JSON/);
  });
});
