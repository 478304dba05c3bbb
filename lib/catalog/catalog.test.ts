import fs from "node:fs";

import { describe, expect, it } from "vitest";

import { listAudit } from "@/db/queries/audit";
import { listPackages } from "@/db/queries/packages";
import { tempDb } from "@/db/testing/temp-db";
import { InvalidInput } from "@/lib/errors";
import { seedUser } from "@/lib/testing/fixtures";
import { CATALOG_FILE } from "@/sandbox/catalog";

import { createPackage, importCatalog, listCatalog, updatePackage } from "./catalog-admin";
import { checkCatalog, checkPackage, priceFromBaht } from "./package-rules";

const shipped = fs.readFileSync(CATALOG_FILE, "utf8");
const entries = JSON.parse(shipped) as Record<string, unknown>[];

const valid = {
  packageId: "FF_100",
  game: "Free Fire",
  name: { th: "100 เพชร", en: "100 Diamonds" },
  priceSatang: 3_500,
  active: true,
  fields: [
    { key: "gameid", label: { th: "ไอดีเกม", en: "Game ID" }, required: true },
    {
      key: "server",
      label: { th: "เซิร์ฟเวอร์", en: "Server" },
      required: true,
      options: [
        { value: "1", label: { th: "เซิร์ฟ 1", en: "Server 1" } },
        { value: "2", label: { th: "เซิร์ฟ 2", en: "Server 2" } },
      ],
    },
  ],
};

async function refusal(run: () => Promise<unknown>): Promise<InvalidInput> {
  try {
    await run();
  } catch (error) {
    if (error instanceof InvalidInput) return error;
    throw error;
  }
  throw new Error("expected the input to be refused");
}

describe("the package rules (one validator for the file and the page)", () => {
  it("accepts a well-formed package and trims its texts", () => {
    const { entry, problems } = checkPackage({ ...valid, game: "  Free Fire " });
    expect(problems).toEqual([]);
    expect(entry?.game).toBe("Free Fire");
  });

  it("names each field at fault with a stable code", () => {
    const { problems } = checkPackage({
      ...valid,
      packageId: "has space",
      name: { th: "", en: "x".repeat(201) },
      priceSatang: 10.5,
      fields: [
        { key: "9lives", label: { th: "ก", en: "a" }, required: "yes" },
        { key: "x", label: { th: "ข", en: "b" }, required: true, options: [] },
      ],
    });
    expect(problems).toEqual([
      { field: "packageId", code: "PACKAGE_ID_FORMAT" },
      { field: "name.th", code: "TEXT_REQUIRED" },
      { field: "name.en", code: "TEXT_TOO_LONG", params: { max: 200 } },
      { field: "priceSatang", code: "PRICE_SATANG_INVALID" },
      { field: "fields.0.key", code: "FIELD_KEY_FORMAT" },
      { field: "fields.0.required", code: "BOOLEAN_REQUIRED" },
      { field: "fields.1.options", code: "OPTIONS_REQUIRED" },
    ]);
  });

  it("refuses two fields with one key and two options with one value", () => {
    const server = valid.fields[1]!;
    const { problems } = checkPackage({
      ...valid,
      fields: [
        valid.fields[0],
        { ...server, key: "GameID" },
        { ...server, options: [server.options![0], server.options![0]] },
      ],
    });
    expect(problems).toEqual([
      { field: "fields.1.key", code: "FIELD_KEY_DUPLICATE" },
      { field: "fields.2.options.1.value", code: "OPTION_VALUE_DUPLICATE" },
    ]);
  });

  it("names the entry's position and id for every problem in a file", () => {
    const { problems } = checkCatalog(
      JSON.stringify([entries[0], { ...entries[1], priceSatang: 0 }, entries[0], "nope"]),
    );
    expect(problems).toEqual([
      {
        field: "priceSatang",
        code: "PRICE_SATANG_INVALID",
        entry: { position: 2, packageId: entries[1]!.packageId },
      },
      {
        field: "packageId",
        code: "PACKAGE_ID_DUPLICATE",
        entry: { position: 3, packageId: entries[0]!.packageId },
      },
      { field: "", code: "WRONG_TYPE", entry: { position: 4 } },
    ]);
    expect(checkCatalog("{}").problems).toEqual([{ field: "file", code: "CATALOG_NOT_ARRAY" }]);
    expect(checkCatalog("nope").problems).toEqual([{ field: "file", code: "CATALOG_NOT_JSON" }]);
  });

  it.each([
    ["0.07", 7],
    ["1000.1", 100_010],
    ["99999.99", 9_999_999],
    ["1,000.50", 100_050],
    ["฿35", 3_500],
    ["0.075", null],
    ["0", null],
    ["-5", null],
    ["1,00.00", null],
    ["1e3", null],
    ["1000001", null],
  ])("price %s baht → %s satang", (typed, satang) => {
    expect(priceFromBaht(typed)).toBe(satang);
  });
});

describe("catalog changes", () => {
  it("imports the sandbox's catalog, then upserts only what changed, each change audited", async () => {
    const db = tempDb();
    const first = await importCatalog(db, null, shipped);
    expect(first.inserted).toBe(entries.length);
    const changed = entries.map((p, i) => (i === 0 ? { ...p, priceSatang: 12_345 } : p));
    expect(await importCatalog(db, null, JSON.stringify(changed))).toEqual({
      inserted: 0,
      updated: 1,
      unchanged: entries.length - 1,
    });
    const [last] = await listAudit(db, { limit: 1 });
    expect(last).toMatchObject({ action: "package.import", targetId: entries[0]!.packageId });
    expect(last?.details).toMatchObject({
      before: { priceSatang: entries[0]!.priceSatang },
      after: { priceSatang: 12_345 },
    });
    expect(await listCatalog(db)).toHaveLength(entries.length);
  });

  it("refuses a file with any problem whole: nothing is written", async () => {
    const db = tempDb();
    const broken = [entries[0], { ...entries[1], priceSatang: 10.5 }];
    const error = await refusal(() => importCatalog(db, null, JSON.stringify(broken)));
    expect(error.problems).toHaveLength(1);
    expect(await listPackages(db)).toEqual([]);
    expect(await listAudit(db, { limit: 5 })).toEqual([]);
  });

  it("creates, edits and deactivates a package with before/after in the audit", async () => {
    const db = tempDb();
    const admin = await seedUser(db, "admin");
    const person = { id: admin.id, email: admin.email, ip: "10.0.0.1" };
    await createPackage(db, person, valid);
    await expect(createPackage(db, person, valid)).rejects.toMatchObject({
      code: "PACKAGE_EXISTS",
      status: 409,
    });
    await updatePackage(db, person, "FF_100", { ...valid, active: false });
    const renamed = await refusal(() =>
      updatePackage(db, person, "FF_100", { ...valid, packageId: "FF_200" }),
    );
    expect(renamed.problems).toEqual([{ field: "packageId", code: "PACKAGE_ID_FIXED" }]);
    await expect(
      updatePackage(db, person, "NOPE", { ...valid, packageId: "NOPE" }),
    ).rejects.toMatchObject({ status: 404 });

    expect(await listPackages(db, { active: false, q: "diamonds" })).toHaveLength(1);
    expect(await listPackages(db, { active: true })).toHaveLength(0);
    const audit = await listAudit(db, { limit: 5 });
    expect(audit.map((a) => a.action)).toEqual(["package.update", "package.create"]);
    expect(audit[0]?.details).toMatchObject({ before: { active: true }, after: { active: false } });
    expect(audit[0]).toMatchObject({ actorId: admin.id, ip: "10.0.0.1" });
  });
});
