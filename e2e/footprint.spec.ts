import fs from "node:fs";
import path from "node:path";

import { expect, test } from "@playwright/test";

/** Written by e2e/serve.ts: the production server's process (scripts/serve.mjs). */
const PID_FILE = path.resolve(".tmp", "e2e", "dashboard.pid");

test("the production server has no compiler loaded (next.config.ts is not compiled at start)", () => {
  test.skip(process.platform !== "linux", "reads /proc");
  const pid = fs.readFileSync(PID_FILE, "utf8").trim();
  const maps = fs.readFileSync(`/proc/${pid}/maps`, "utf8");
  // The process is the running server.
  expect(fs.readFileSync(`/proc/${pid}/cmdline`, "utf8")).toContain("scripts/serve.mjs");
  // SWC (Next.js's compiler, and the copy next-intl's config plugin requires) held ~40 MB
  // resident in every server that loaded next.config.ts.
  const compilers = maps.split("\n").filter((line) => /swc/i.test(line));
  expect(compilers).toEqual([]);
});
