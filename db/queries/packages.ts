import { and, asc, eq, like, or, sql } from "drizzle-orm";

import type { Db, Tx } from "../client";
import { type PackageRow, packages } from "../schema";

export type NewPackage = Omit<PackageRow, "updatedAt">;

export async function getPackage(db: Db, packageId: string): Promise<PackageRow | undefined> {
  return db.query.packages.findFirst({ where: eq(packages.packageId, packageId) });
}

export type PackageFilter = { q?: string; active?: boolean };

/** The catalog by game and price; `q` matches the id, the game or either name. */
export async function listPackages(db: Db, filter: PackageFilter = {}): Promise<PackageRow[]> {
  const pattern = filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const matches = (column: Parameters<typeof like>[0]) =>
    sql`${column} like ${pattern} escape '\\'`;
  return db
    .select()
    .from(packages)
    .where(
      and(
        filter.active === undefined ? undefined : eq(packages.active, filter.active),
        pattern
          ? or(
              matches(packages.packageId),
              matches(packages.game),
              matches(sql`json_extract(${packages.name}, '$.th')`),
              matches(sql`json_extract(${packages.name}, '$.en')`),
            )
          : undefined,
      ),
    )
    .orderBy(asc(packages.game), asc(packages.priceSatang), asc(packages.packageId));
}

export async function getPackageIn(tx: Tx, packageId: string): Promise<PackageRow | undefined> {
  const [row] = await tx.select().from(packages).where(eq(packages.packageId, packageId));
  return row;
}

/** Inserts or replaces one package inside the caller's transaction. */
export async function writePackageIn(tx: Tx, entry: NewPackage): Promise<void> {
  await tx
    .insert(packages)
    .values(entry)
    .onConflictDoUpdate({
      target: packages.packageId,
      set: {
        game: entry.game,
        name: entry.name,
        priceSatang: entry.priceSatang,
        active: entry.active,
        fields: entry.fields,
        updatedAt: new Date(),
      },
    });
}
