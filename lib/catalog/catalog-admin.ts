import "server-only";

import { type Db, type Tx, withTx } from "@/db/client";
import {
  getPackageIn,
  listPackages,
  type PackageFilter,
  writePackageIn,
} from "@/db/queries/packages";
import type { PackageRow } from "@/db/schema";
import { type Person, recordAuditIn } from "@/lib/audit/record-audit";
import { AppError, InvalidInput, notFoundError } from "@/lib/errors";
import type { AuditAction } from "@/lib/audit/audit-events";

import { type CatalogEntry, checkCatalog, checkPackage } from "./package-rules";

/**
 * Changes to the package catalog, from the page, the JSON API and the command line: every
 * input checked by the one set of rules (./package-rules.ts), every change written with its
 * audit entry (before and after) in one transaction. Packages are never deleted: orders
 * keep pointing at them; a package is deactivated instead.
 */

/** A package as the catalog file holds it (no timestamps). */
export function toCatalogEntry(row: PackageRow): CatalogEntry {
  return {
    packageId: row.packageId,
    game: row.game,
    name: row.name,
    priceSatang: row.priceSatang,
    active: row.active,
    fields: row.fields,
  };
}

/**
 * A value as JSON with every object's keys in one order: PostgreSQL's `jsonb` gives a stored
 * object's keys back in its own order, so an entry read back must compare equal to the same
 * entry as written.
 */
const canonical = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );

const same = (a: CatalogEntry, b: CatalogEntry) => canonical(a) === canonical(b);

/** Writes one entry if it changes anything, with its audit entry; says what happened. */
async function writeEntryIn(
  tx: Tx,
  actor: Person | null,
  action: AuditAction,
  entry: CatalogEntry,
): Promise<"inserted" | "updated" | "unchanged"> {
  const existing = await getPackageIn(tx, entry.packageId);
  const before = existing ? toCatalogEntry(existing) : null;
  if (before && same(before, entry)) return "unchanged";
  await writePackageIn(tx, entry);
  await recordAuditIn(tx, actor, action, {
    targetType: "package",
    targetId: entry.packageId,
    details: { before, after: entry },
    ip: actor?.ip ?? null,
  });
  return before ? "updated" : "inserted";
}

function checked(raw: unknown): CatalogEntry {
  const { entry, problems } = checkPackage(raw);
  if (!entry) throw new InvalidInput(problems);
  return entry;
}

export async function listCatalog(db: Db, filter: PackageFilter = {}): Promise<CatalogEntry[]> {
  return (await listPackages(db, filter)).map(toCatalogEntry);
}

/** Creates a package; 409 `PACKAGE_EXISTS` when the id is taken (edit that one instead). */
export async function createPackage(db: Db, person: Person, raw: unknown): Promise<CatalogEntry> {
  const entry = checked(raw);
  return withTx(db, async (tx) => {
    if (await getPackageIn(tx, entry.packageId))
      throw new AppError("PACKAGE_EXISTS", 409, { packageId: entry.packageId });
    await writeEntryIn(tx, person, "package.create", entry);
    return entry;
  });
}

/**
 * Replaces a package's details (deactivating is `active: false`). The id is the address;
 * a body naming another id is refused rather than silently renaming.
 */
export async function updatePackage(
  db: Db,
  person: Person,
  packageId: string,
  raw: unknown,
): Promise<CatalogEntry> {
  const body = typeof raw === "object" && raw !== null ? raw : {};
  const named = (body as { packageId?: unknown }).packageId;
  if (named !== undefined && named !== packageId)
    throw new InvalidInput([{ field: "packageId", code: "PACKAGE_ID_FIXED" }]);
  const entry = checked({ ...body, packageId });
  return withTx(db, async (tx) => {
    if (!(await getPackageIn(tx, packageId))) throw notFoundError();
    await writeEntryIn(tx, person, "package.update", entry);
    return entry;
  });
}

/** What importing a file would do, package by package, before anything is written. */
export type ImportPreview = {
  add: { packageId: string; name: string; priceSatang: number }[];
  change: { packageId: string; name: string; fields: string[] }[];
  deactivate: { packageId: string; name: string }[];
  unchanged: number;
};

/**
 * Checks a catalog file as `importCatalog` does (refused whole with the same problems) and
 * says what it would add, change and deactivate, writing nothing: the page shows this and
 * imports on the person's confirm.
 */
export async function previewCatalogImport(
  db: Db,
  file: string | unknown[],
): Promise<ImportPreview> {
  const { entries, problems } = checkCatalog(file);
  if (problems.length > 0) throw new InvalidInput(problems);
  const current = new Map((await listPackages(db)).map((p) => [p.packageId, toCatalogEntry(p)]));
  const preview: ImportPreview = { add: [], change: [], deactivate: [], unchanged: 0 };
  for (const entry of entries) {
    const before = current.get(entry.packageId);
    const name = `${entry.game} · ${entry.name.th}`;
    if (!before)
      preview.add.push({ packageId: entry.packageId, name, priceSatang: entry.priceSatang });
    else if (same(before, entry)) preview.unchanged++;
    else if (before.active && !entry.active)
      preview.deactivate.push({ packageId: entry.packageId, name });
    else
      preview.change.push({
        packageId: entry.packageId,
        name,
        fields: (Object.keys(entry) as (keyof CatalogEntry)[]).filter(
          (key) => canonical(before[key]) !== canonical(entry[key]),
        ),
      });
  }
  return preview;
}

/**
 * Imports a catalog file: checked whole first (a file with any problem is refused whole,
 * each problem naming the entry's position, id and field), then upserted in one transaction.
 * `actor` is null for the command line.
 */
export async function importCatalog(
  db: Db,
  actor: Person | null,
  file: string | unknown[],
): Promise<{ inserted: number; updated: number; unchanged: number }> {
  const { entries, problems } = checkCatalog(file);
  if (problems.length > 0) throw new InvalidInput(problems);
  return withTx(db, async (tx) => {
    const counts = { inserted: 0, updated: 0, unchanged: 0 };
    for (const entry of entries) counts[await writeEntryIn(tx, actor, "package.import", entry)]++;
    return counts;
  });
}
