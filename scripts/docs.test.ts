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

  it("names only files that exist", () => {
    const paths = [...text.matchAll(/`((?:app|components|lib|db|scripts|sandbox|e2e)\/[^`\s]+)`/g)]
      .map((m) => m[1]!)
      .filter((p) => /\.(ts|tsx|json|md)$/.test(p) || p.endsWith("/"));
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths)
      expect(fs.existsSync(path.join(ROOT, p)), `${doc} names ${p}`).toBe(true);
  });
});
