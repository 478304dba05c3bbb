import type { Role } from "./roles";

/**
 * The one permissions table. Every server action, route handler and protected page asks
 * `can(role, permission)` through the guard in ./guard.ts; the navigation asks it too, but
 * only as a courtesy.
 */
export const PERMISSIONS = {
  "overview:view": ["support", "finance", "manager", "admin"],
  /** The banner of balance and callback warnings, on every page. */
  "warning:view": ["manager", "admin"],
  "topup:view": ["support", "finance", "manager", "admin"],
  "topup:create": ["support", "manager", "admin"],
  "topup:requery": ["support", "manager", "admin"],
  "topup:export": ["finance", "manager", "admin"],
  "withdrawal:view": ["finance", "manager", "admin"],
  "withdrawal:lookup": ["finance", "manager", "admin"],
  "withdrawal:requery": ["finance", "manager", "admin"],
  "withdrawal:export": ["finance", "manager", "admin"],
  "withdrawal:view-account": ["finance", "manager", "admin"],
  "review:view": ["manager", "admin"],
  "review:act": ["manager", "admin"],
  "callback:view": ["manager", "admin"],
  "callback:replay": ["manager", "admin"],
  "audit:view": ["manager", "admin"],
  "user:manage": ["admin"],
  "catalog:manage": ["admin"],
  "settings:manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function permissionsOf(role: Role): Permission[] {
  return ALL_PERMISSIONS.filter((p) => can(role, p));
}
