/**
 * Prints the first-load JavaScript of each page of the last production build (`.next/`):
 * the root chunks every page loads plus the chunks of the page's own segments, raw and
 * gzipped, and whether any of them carries drizzle or the database schema (they must not:
 * the browser needs neither). Run after `npm run build`.
 */
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const NEXT = path.join(process.cwd(), ".next");
const PAGES = [
  "(app)/page",
  "(app)/topups/page",
  "(app)/topups/new/page",
  "(app)/topups/[refId]/page",
  "(app)/withdrawals/page",
  "(app)/withdrawals/[platformOrderId]/page",
  "(app)/audit/page",
  "(app)/admin/users/page",
  "sign-in/page",
];
/** Text that only drizzle or `db/schema.ts` would put in a chunk. */
const SERVER_MARKERS = ["drizzle-orm", "sqliteTable", "status_history", "password_hash"];

type Manifest = { entryJSFiles: Record<string, string[]> };

function manifestOf(page: string): Manifest | null {
  const file = path.join(NEXT, "server", "app", `${page}_client-reference-manifest.js`);
  if (!fs.existsSync(file)) return null;
  const sandbox = { __RSC_MANIFEST: {} as Record<string, Manifest> };
  new Function("globalThis", fs.readFileSync(file, "utf8"))(sandbox);
  return Object.values(sandbox.__RSC_MANIFEST)[0] ?? null;
}

const build = JSON.parse(fs.readFileSync(path.join(NEXT, "build-manifest.json"), "utf8")) as {
  rootMainFiles: string[];
};
const rows: string[][] = [["page", "files", "raw KiB", "gzip KiB", "server code"]];
for (const page of PAGES) {
  const manifest = manifestOf(page);
  if (!manifest) continue;
  const segments = Object.entries(manifest.entryJSFiles)
    .filter(([key]) => {
      const segment = key.replace("[project]/app/", "");
      if (segment.endsWith("layout")) return page.startsWith(segment.replace(/layout$/, ""));
      return segment === page;
    })
    .flatMap(([, files]) => files);
  const files = [...new Set([...build.rootMainFiles, ...segments])];
  let raw = 0;
  let gzip = 0;
  const marked = new Set<string>();
  for (const file of files) {
    const text = fs.readFileSync(path.join(NEXT, file));
    raw += text.length;
    gzip += gzipSync(text).length;
    for (const marker of SERVER_MARKERS) if (text.includes(marker)) marked.add(marker);
  }
  rows.push([
    `/${page.replace(/\(app\)\/?/, "").replace(/\/?page$/, "")}`,
    String(files.length),
    (raw / 1024).toFixed(1),
    (gzip / 1024).toFixed(1),
    marked.size > 0 ? [...marked].join(" ") : "none",
  ]);
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join("  "));
