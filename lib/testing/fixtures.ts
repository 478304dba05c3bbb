import type { Db } from "@/db/client";
import { upsertUser } from "@/db/queries/users";
import type { UserRow } from "@/db/schema";
import { importCatalog } from "@/lib/catalog/catalog-admin";
import type { Role } from "@/lib/auth/roles";
import { CATALOG_FILE } from "@/sandbox/catalog";

import fs from "node:fs";

/** The sandbox's catalog, imported as the demo does. */
export async function seedCatalog(db: Db): Promise<void> {
  await importCatalog(db, null, fs.readFileSync(CATALOG_FILE, "utf8"));
}

/** A user of this role (named after it unless `name`), who never signs in with a password. */
export async function seedUser(
  db: Db,
  role: Role = "support",
  email = `${role}@example.com`,
  name: string = role,
): Promise<UserRow> {
  return upsertUser(db, { email, name, role, passwordHash: "not-used" });
}

/** Two managers, Ann and Ben, as the review actions take a person (with an address). */
export async function seedManagers(db: Db) {
  const a = await seedUser(db, "manager", "ann@example.com");
  const b = await seedUser(db, "manager", "ben@example.com");
  return [
    { id: a.id, email: a.email, ip: "10.0.0.7" },
    { id: b.id, email: b.email, ip: "10.0.0.8" },
  ] as const;
}
