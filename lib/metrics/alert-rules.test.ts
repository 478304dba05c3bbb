import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { LISTED_METRICS } from "./names";

/**
 * The Prometheus alert rules docs/operations.md offers (docs/prometheus/): each one fires on
 * the series that should raise it and not before (`promtool test rules`, from Debian's
 * `prometheus` package, which `.ci/run` installs), and reads only metrics `/api/metrics`
 * shows.
 */
const DIR = path.resolve(import.meta.dirname, "../../docs/prometheus");
const RULES = fs.readFileSync(path.join(DIR, "dashboard-alerts.yml"), "utf8");
const OPERATIONS = fs.readFileSync(path.resolve(DIR, "../operations.md"), "utf8");
const promtool = spawnSync("promtool", ["--version"]).status === 0;

/** Each rule's `expr`, one line or a `|` block. */
function exprs(yaml: string): string[] {
  const out: string[] = [];
  const lines = yaml.split("\n");
  lines.forEach((line, i) => {
    const m = /^(\s*)expr:\s*(.*)$/.exec(line);
    if (!m) return;
    if (m[2] !== "|") return void out.push(m[2]!);
    const block: string[] = [];
    for (const next of lines.slice(i + 1)) {
      if (next.trim() && next.search(/\S/) <= m[1]!.length) break;
      block.push(next);
    }
    out.push(block.join("\n"));
  });
  return out;
}

/** The series an expression reads (a histogram's by its name): not functions, labels or words. */
function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"[^"]*"/g, "")
    .replace(/\{[^}]*\}/g, "")
    .replace(/\b(by|on|without|ignoring)\s*\([^)]*\)/g, "")
    .replace(/\[[^\]]*\]/g, "");
  return [...bare.matchAll(/\b([a-z_][a-z0-9_]*)\b(?!\s*\()/g)]
    .map((m) => m[1]!)
    .filter((word) => !["and", "or", "unless"].includes(word))
    .map((word) => word.replace(/_(count|bucket|sum)$/, ""));
}

describe("the Prometheus alert rules", () => {
  it("read only metrics the dashboard shows (and Prometheus's own `up`)", () => {
    const named = new Set(exprs(RULES).flatMap(metricNames));
    expect(named.size).toBeGreaterThanOrEqual(8);
    const known: readonly string[] = [...LISTED_METRICS, "up"];
    for (const name of named) expect(known, name).toContain(name);
    // The check itself sees a name it does not know.
    expect(metricNames('sum by (a) (rate(callbacks_lost_total{x="y"}[5m])) > 1')).toEqual([
      "callbacks_lost_total",
    ]);
  });

  it("and docs/operations.md lists every metric the dashboard shows", () => {
    const listed = OPERATIONS.slice(OPERATIONS.indexOf("## Metrics"));
    for (const name of LISTED_METRICS.filter((m) => !/^(process|nodejs)_/.test(m)))
      expect(listed, name).toContain(`\`${name}`);
  });

  // Anywhere but CI a developer without Debian's package skips this one; CI must run it.
  it.skipIf(!promtool && !process.env.CI)("fire when they should (promtool test rules)", () => {
    const run = spawnSync("promtool", ["test", "rules", "dashboard-alerts.test.yml"], {
      cwd: DIR,
      encoding: "utf8",
    });
    expect(run.error, "promtool is not installed").toBeUndefined();
    expect(`${run.stdout}${run.stderr}`).toContain("SUCCESS");
    expect(run.status).toBe(0);
  });
});
