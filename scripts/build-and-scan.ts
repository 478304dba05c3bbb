import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import { DEV_DEFAULTS, SENSITIVE_NAMES } from "@/lib/env";

/**
 * The production build as `npm test` makes it, followed by a scan of everything a browser
 * can download (.next/static and prerendered pages) for secret values: canary secrets set
 * for this build, the development defaults, and whatever `.env` holds. The browser's chunks
 * must not carry the data layer either (drizzle or the table definitions): a client
 * component that imports `db/schema.ts` instead of `db/enums.ts` fails the build here.
 */
const canaries = Object.fromEntries(
  SENSITIVE_NAMES.map((name) => {
    const canary = `canary-${name}-${randomBytes(16).toString("hex")}`;
    // A URL must stay one to pass the start-up check: its password is the canary.
    return [name, name === "SMTP_URL" ? `smtp://alerts:${canary}@127.0.0.1:2525` : canary];
  }),
);

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const build = spawnSync(process.execPath, [nextBin, "build"], {
  stdio: "inherit",
  env: { ...process.env, ...canaries, NEXT_TELEMETRY_DISABLED: "1" },
});
if (build.status !== 0) process.exit(build.status ?? 1);

const needles = new Map<string, string>();
for (const name of SENSITIVE_NAMES) {
  needles.set(canaries[name] ?? "", `${name} (canary)`);
  const devValue = DEV_DEFAULTS[name];
  if (devValue) needles.set(devValue, `${name} (development default)`);
}
try {
  const dotEnv = fs.readFileSync(".env", "utf8");
  for (const name of SENSITIVE_NAMES) {
    const value = new RegExp(`^${name}=(.*)$`, "m").exec(dotEnv)?.[1]?.trim();
    if (value && value.length >= 8) needles.set(value, `${name} (.env)`);
  }
} catch {
  // no .env
}

function* files(dir: string): Generator<string> {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else yield full;
  }
}

const shipped = [
  ...files(".next/static"),
  ...[...files(".next/server/app")].filter((f) => /\.(html|rsc|body|meta)$/.test(f)),
];
/** Text only drizzle or `db/schema.ts` would put in a chunk. */
const SERVER_ONLY_CODE = ["drizzle-orm", "sqliteTable", "password_hash"];
let leaks = 0;
for (const file of shipped) {
  const text = fs.readFileSync(file, "latin1");
  if (file.endsWith(".js")) {
    for (const marker of SERVER_ONLY_CODE.filter((m) => text.includes(m))) {
      console.error(`SERVER CODE IN THE BROWSER BUNDLE: "${marker}" found in ${file}`);
      leaks++;
    }
  }
  for (const [needle, label] of needles) {
    if (text.includes(needle)) {
      console.error(`SECRET LEAK: ${label} found in ${file}`);
      leaks++;
    }
  }
}
if (shipped.length === 0) {
  console.error("secret scan: no built files found under .next/static");
  process.exit(1);
}
if (leaks > 0) process.exit(1);
console.log(`secret scan: ${shipped.length} shipped files, ${needles.size} secret values, no leak`);
