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
