import fs from "node:fs";
import path from "node:path";

import { ID_IN_LABEL, LISTED_METRICS, shows } from "@/lib/metrics/names";

/*
 * The soak's look at `/api/metrics` at the end of a run (scripts/soak.ts): each instance
 * scraped as Prometheus would, and what the scrapes must show.
 */

/**
 * One scrape of `/api/metrics` from each instance (empty when refused), each also written to
 * `dir/metrics-<instance>.txt` for a look at what Prometheus would have read.
 */
export async function scrapeMetrics(
  instances: { id: string; port: number }[],
  token: string,
  dir: string,
): Promise<string[]> {
  return Promise.all(
    instances.map(async ({ id, port }) => {
      const res = await fetch(`http://127.0.0.1:${port}/api/metrics`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const text = res.ok ? await res.text() : "";
      fs.writeFileSync(path.join(dir, `metrics-${id}.txt`), text);
      return text;
    }),
  );
}

/**
 * What one scrape of `/api/metrics` per instance shows at the end of a run: the listed
 * metrics some instance lacks, label sets naming an order, a person or an account, and how
 * many instances say they lead the reconciler (never more than one).
 */
export function scrapeFindings(scrapes: string[]): {
  missing: string[];
  idLabels: string[];
  leaders: number;
} {
  const missing = LISTED_METRICS.filter((name) => !scrapes.every((text) => shows(text, name)));
  const idLabels = scrapes
    .flatMap((text) => text.match(/\{[^}]*\}/g) ?? [])
    .filter((labels) => ID_IN_LABEL.test(labels));
  const leaders = scrapes.filter((text) => /^reconciler_is_leader 1$/m.test(text)).length;
  return { missing, idLabels, leaders };
}
