import { and, asc, eq, or, type SQLWrapper } from "drizzle-orm";

import type { Db, Tx } from "../client";
import { type PackageRow, packages } from "../schema";
import { jsonText, likeAnyCase, likeLiteral } from "./portable";

export type NewPackage = Omit<PackageRow, "updatedAt">;

export async function getPackage(db: Db, packageId: string): Promise<PackageRow | undefined> {
  const [row] = await db.select().from(packages).where(eq(packages.packageId, packageId)).limit(1);
  return row;
}

export type PackageFilter = { q?: string; active?: boolean };

/** The catalog by game and price; `q` matches the id, the game or either name. */
export async function listPackages(db: Db, filter: PackageFilter = {}): Promise<PackageRow[]> {
  const pattern = filter.q ? `%${likeLiteral(filter.q)}%` : null;
  const matches = (column: SQLWrapper) => likeAnyCase(column, pattern ?? "");
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
              matches(jsonText(packages.name, "th")),
              matches(jsonText(packages.name, "en")),
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
