import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { BUILT_BY_ROUTE } from "@/lib/api/route";

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const root = path.join(import.meta.dirname);
const routeFiles = fs
  .readdirSync(root, { recursive: true, encoding: "utf8" })
  .filter((file) => path.basename(file) === "route.ts")
  .sort();

/**
 * Every handler Next can call is built by `route` (which declares who may call it and checks
 * it before the handler runs) or by `otherMethods` (which refuses the method): a handler
 * written by hand, which could forget its permission, fails here.
 */
describe("API route handlers", () => {
  it("finds the routes", () => {
    expect(routeFiles.length).toBeGreaterThan(30);
  });

  it.each(routeFiles)("%s: every exported method is built by route()", async (file) => {
    const handlers = (await import(path.join(root, file))) as Record<string, unknown>;
    const methods = Object.keys(handlers).filter((name) => HTTP_METHODS.includes(name));
    expect(methods.length).toBeGreaterThan(0);
    const handWritten = methods.filter(
      (name) => !(handlers[name] as { [BUILT_BY_ROUTE]?: boolean })[BUILT_BY_ROUTE],
    );
    expect(handWritten).toEqual([]);
  });
});
