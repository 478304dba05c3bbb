import { describe, expect, it } from "vitest";

import { ALL_PERMISSIONS, can, PERMISSIONS, permissionsOf } from "./permissions";
import { ROLES } from "./roles";

describe("permissions table", () => {
  it("gives the admin everything", () => {
    expect(permissionsOf("admin")).toEqual(ALL_PERMISSIONS);
  });

  it("gives the manager everything support and finance have, plus review and audit", () => {
    const manager = new Set(permissionsOf("manager"));
    for (const p of [...permissionsOf("support"), ...permissionsOf("finance")])
      expect(manager).toContain(p);
    for (const p of ["review:view", "review:act", "audit:view"] as const)
      expect(can("manager", p)).toBe(true);
  });

  it("keeps withdrawals away from support and top-up creation away from finance", () => {
    expect(can("support", "withdrawal:view")).toBe(false);
    expect(can("support", "withdrawal:view-account")).toBe(false);
    expect(can("finance", "topup:create")).toBe(false);
    expect(can("finance", "topup:view")).toBe(true);
  });

  it("reserves users, catalog and settings for the admin", () => {
    for (const p of ["user:manage", "catalog:manage", "settings:manage"] as const) {
      expect(ROLES.filter((r) => can(r, p))).toEqual(["admin"]);
    }
  });

  it("names only known roles", () => {
    for (const roles of Object.values(PERMISSIONS))
      for (const r of roles) expect(ROLES).toContain(r);
  });

  it("matches the reviewed snapshot (a change here is a security change)", () => {
    expect(Object.fromEntries(ROLES.map((r) => [r, permissionsOf(r)]))).toMatchInlineSnapshot(`
      {
        "admin": [
          "overview:view",
          "warning:view",
          "topup:view",
          "topup:create",
          "topup:requery",
          "topup:export",
          "withdrawal:view",
          "withdrawal:lookup",
          "withdrawal:requery",
          "withdrawal:export",
          "withdrawal:view-account",
          "review:view",
          "review:act",
          "callback:view",
          "callback:replay",
          "audit:view",
          "user:manage",
          "catalog:manage",
          "settings:manage",
        ],
        "finance": [
          "overview:view",
          "topup:view",
          "topup:export",
          "withdrawal:view",
          "withdrawal:lookup",
          "withdrawal:requery",
          "withdrawal:export",
          "withdrawal:view-account",
        ],
        "manager": [
          "overview:view",
          "warning:view",
          "topup:view",
          "topup:create",
          "topup:requery",
          "topup:export",
          "withdrawal:view",
          "withdrawal:lookup",
          "withdrawal:requery",
          "withdrawal:export",
          "withdrawal:view-account",
          "review:view",
          "review:act",
          "callback:view",
          "callback:replay",
          "audit:view",
        ],
        "support": [
          "overview:view",
          "topup:view",
          "topup:create",
          "topup:requery",
        ],
      }
    `);
  });
});
