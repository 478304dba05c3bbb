/** The four roles of DESIGN.md, least to most privileged. Safe to import anywhere. */
export const ROLES = ["support", "finance", "manager", "admin"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
