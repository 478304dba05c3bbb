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

export async function seedUser(
  db: Db,
  role: Role = "support",
  email = `${role}@example.com`,
): Promise<UserRow> {
  return upsertUser(db, { email, name: role, role, passwordHash: "not-used" });
}
