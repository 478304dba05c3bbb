import { ROLES, type Role } from "@/db/enums";

/** The four roles of the design, least to most privileged. Safe to import anywhere. */
export { ROLES, type Role };

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
