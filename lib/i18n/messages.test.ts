import { describe, expect, it } from "vitest";

import en from "./messages/en.json";
import th from "./messages/th.json";

function leaves(obj: object, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(obj)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out[path] = value;
    else Object.assign(out, leaves(value as object, path));
  }
  return out;
}

/** ICU arguments: `{name}` or `{name, plural|select, …}` — not the words inside a branch. */
const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1]))].sort();

describe("message catalogs", () => {
  const enLeaves = leaves(en);
  const thLeaves = leaves(th);

  it("have exactly the same keys in Thai and English", () => {
    expect(Object.keys(thLeaves).sort()).toEqual(Object.keys(enLeaves).sort());
  });

  it("have no empty message and the same placeholders in both languages", () => {
    for (const [key, text] of Object.entries(enLeaves)) {
      expect(text.trim(), key).not.toBe("");
      expect(thLeaves[key]?.trim(), key).not.toBe("");
      expect(placeholders(thLeaves[key] ?? ""), key).toEqual(placeholders(text));
    }
  });

  it("really are in Thai where they should be", () => {
    const thai = Object.values(thLeaves).filter((t) => /[\u0E00-\u0E7F]/.test(t));
    expect(thai.length / Object.keys(thLeaves).length).toBeGreaterThan(0.8);
  });
});
