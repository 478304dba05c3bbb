import { can, type Permission } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";

/** The navigation, one entry per page, each behind the permission its page checks. */
export const NAV_ITEMS = [
  { href: "/", key: "home", permission: "overview:view" },
  { href: "/topups", key: "topups", permission: "topup:view" },
  { href: "/topups/new", key: "newTopup", permission: "topup:create" },
  { href: "/withdrawals", key: "withdrawals", permission: "withdrawal:view" },
  { href: "/review", key: "review", permission: "review:view" },
  { href: "/callbacks", key: "callbacks", permission: "callback:view" },
  { href: "/upstream-calls", key: "upstreamCalls", permission: "callback:view" },
  { href: "/audit", key: "audit", permission: "audit:view" },
  { href: "/admin/users", key: "users", permission: "user:manage" },
  { href: "/admin/packages", key: "catalog", permission: "catalog:manage" },
  { href: "/admin/settings", key: "settings", permission: "settings:manage" },
  { href: "/admin/alerts", key: "alerts", permission: "settings:manage" },
] as const satisfies readonly { href: string; key: string; permission: Permission }[];

export type NavItem = (typeof NAV_ITEMS)[number];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => can(role, item.permission));
}
