import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

/**
 * The project explains itself: the README and docs/ link only to files inside the
 * repository, and every file path they name exists (a renamed file must take its docs along).
 */
const ROOT = path.resolve(import.meta.dirname, "..");
const DOCS = [
  "README.md",
  ...fs.readdirSync(path.join(ROOT, "docs")).map((f) => `docs/${f}`),
].filter((f) => f.endsWith(".md"));

describe.each(DOCS)("%s", (doc) => {
  const text = fs.readFileSync(path.join(ROOT, doc), "utf8");

  it("links only to files inside the repository", () => {
    const targets = [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!);
    for (const target of targets) {
      expect(target, `${doc} links outside: ${target}`).not.toMatch(/^[a-z]+:|^\.\.\//);
      expect(fs.existsSync(path.join(ROOT, path.dirname(doc), target)), target).toBe(true);
    }
    expect(text).not.toContain("../shared");
  });

  it("finds each function the rules table names in the file it names", () => {
    // `lib/x.ts` (`fn`, `other`) and `fn` in `lib/x.ts`: the rule must still be there.
    const rows = text.split("\n").filter((line) => line.startsWith("| "));
    const claims: [string, string][] = [];
    for (const row of rows) {
      for (const m of row.matchAll(/`([\w/().-]+\.tsx?)` \(((?:`\w+`(?:, )?)+)\)/g))
        for (const name of m[2]!.matchAll(/`(\w+)`/g)) claims.push([m[1]!, name[1]!]);
      for (const m of row.matchAll(/`(\w+)` in `([\w/().-]+\.tsx?)`/g)) claims.push([m[2]!, m[1]!]);
    }
    if (doc === "docs/design.md") expect(claims.length).toBeGreaterThan(20);
    for (const [file, name] of claims) {
      const source = fs.readFileSync(path.join(ROOT, file), "utf8");
      const declared = new RegExp(`(function|const|class|type|let)\\s+${name}\\b`);
      expect(declared.test(source), `${doc}: ${name} in ${file}`).toBe(true);
    }
  });

  it("names only files that exist", () => {
    const paths = [...text.matchAll(/`((?:app|components|lib|db|scripts|sandbox|e2e)\/[^`\s]+)`/g)]
      .map((m) => m[1]!)
      .filter((p) => /\.(ts|tsx|json|md)$/.test(p) || p.endsWith("/"));
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths)
      expect(fs.existsSync(path.join(ROOT, p)), `${doc} names ${p}`).toBe(true);
  });
});
