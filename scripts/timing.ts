/** What the benchmarks share: percentiles and one table of p50 / p95 / max per scenario. */

/** The p-th percentile (0–100) of ascending milliseconds; 0 for none. */
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

const cell = (v: number) => v.toFixed(2).padStart(8);

/** Prints the table's header; `width` is the scenario column's. */
export function timingHeader(first: string, width: number): void {
  console.log(
    `${first.padEnd(width)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"max ms".padStart(8)}`,
  );
}

/**
 * Times `run` `runs` times (each after its untimed `prepare`), prints the scenario's row and
 * returns its p95.
 */
export async function timeScenario<T>(
  name: string,
  width: number,
  runs: number,
  prepare: () => Promise<T>,
  run: (prepared: T) => Promise<unknown>,
): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const prepared = await prepare();
    const started = performance.now();
    await run(prepared);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const p95 = percentile(times, 95);
  console.log(
    `${name.padEnd(width)} ${cell(percentile(times, 50))} ${cell(p95)} ${cell(times.at(-1) ?? 0)}`,
  );
  return p95;
}
