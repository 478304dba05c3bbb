import type { ChildProcess } from "node:child_process";
import fs from "node:fs";

import { cannon } from "./load";
import { startDashboard, waitForHealth } from "./stack";

/** The machine's CPU time so far (Linux), busy and all, in clock ticks. */
function cpuTicks(): { busy: number; total: number } {
  const [, ...fields] = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]?.split(/\s+/) ?? [];
  const ticks = fields.map(Number).filter((n) => !Number.isNaN(n));
  const total = ticks.reduce((a, b) => a + b, 0);
  // idle and iowait
  return { busy: total - (ticks[3] ?? 0) - (ticks[4] ?? 0), total };
}

/** How busy the whole machine was while `work` ran (every core, the load's own included). */
async function busyDuring<T>(work: () => Promise<T>): Promise<{ value: T; busy: number }> {
  const before = fs.existsSync("/proc/stat") ? cpuTicks() : null;
  const value = await work();
  if (!before) return { value, busy: Number.NaN };
  const after = cpuTicks();
  return { value, busy: (after.busy - before.busy) / (after.total - before.total || 1) };
}

type Lists = { list: "topups" | "withdrawals"; query: () => string }[];

/** One list at `connections`, for `seconds`, every request a filter of `scenarios` at random. */
export function listLoad(options: {
  url: string;
  cookie: string;
  scenarios: Lists;
  list: "topups" | "withdrawals";
  connections: number;
  seconds?: number;
}) {
  const filters = options.scenarios.filter((s) => s.list === options.list);
  const pick = () => filters[Math.floor(Math.random() * filters.length)];
  return cannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds ?? 10,
    timeout: 30,
    headers: { cookie: options.cookie },
    requests: [
      {
        method: "GET",
        setupRequest: (request) => ({
          ...request,
          path: `/api/${options.list}?${pick()?.query() ?? ""}`,
        }),
      },
    ],
  });
}

/**
 * Lists at 100 connections on one instance, then on two (`bench --instances 2`): a second
 * production instance on the same database beside the first, and the same 100 connections
 * split over the two (50 each, as an L4 balancer would spread them; a balancer of our own in
 * this process would spend the CPU the instances need). Each list runs 10 s a side, one
 * instance first; the answers are the same filters drawn at random.
 * With each side, how busy the whole machine was: where it is near 100% already with one
 * instance, a second on the same machine has no CPU to add (the database and the load
 * generator share those cores).
 * Returns the lines to print and whether every answer was a 200.
 */
export async function oneVersusTwoInstances(options: {
  base: string;
  port: number;
  env: Record<string, string>;
  cookie: string;
  scenarios: Lists;
}): Promise<{ lines: string[]; ok: boolean }> {
  const { base, port, env, cookie, scenarios } = options;
  const secondPort = port + 10;
  const second: ChildProcess = startDashboard(
    { ...env, INSTANCE_ID: "bench-b", CALLBACK_PORT: String(secondPort + 1) },
    secondPort,
    true,
  );
  await waitForHealth(`http://localhost:${secondPort}/api/health`, 120_000);
  const load = (
    url: string,
    list: "topups" | "withdrawals",
    connections: number,
    seconds?: number,
  ) => listLoad({ url, cookie, scenarios, list, connections, seconds });
  const lines = [
    `${"".padEnd(20)} ${"one instance".padStart(14)} ${"two instances".padStart(14)}   ratio   over 1 s (one / two)   machine CPU busy (one / two)`,
  ];
  let ok = true;
  for (const list of ["topups", "withdrawals"] as const) {
    // A few seconds on the second instance first: its routes compile and warm up as the
    // first one's did during the measurements before.
    await load(`http://localhost:${secondPort}`, list, 10, 5);
    const { value: one, busy: busyOne } = await busyDuring(() => load(base, list, 100));
    const { value: two, busy: busyTwo } = await busyDuring(() =>
      Promise.all([load(base, list, 50), load(`http://localhost:${secondPort}`, list, 50)]),
    );
    const perSecond = (r: { result: { requests: { total: number }; duration: number } }) =>
      r.result.requests.total / r.result.duration;
    const failed = [one, ...two].reduce(
      (n, r) => n + r.result.non2xx + r.result.errors + r.result.timeouts,
      0,
    );
    ok &&= failed === 0;
    const [a, b] = [perSecond(one), two.reduce((n, r) => n + perSecond(r), 0)];
    lines.push(
      `${`/api/${list}`.padEnd(20)} ${`${a.toFixed(0)}/s`.padStart(14)} ${`${b.toFixed(0)}/s`.padStart(14)}   ×${(b / a).toFixed(2)}   ${`${one.slow} / ${two[0].slow + two[1].slow}`.padEnd(20)}   ${(busyOne * 100).toFixed(0)}% / ${(busyTwo * 100).toFixed(0)}%${failed ? `   not 200: ${failed}` : ""}`,
    );
  }
  // Its end is expected: not the stack's "exited, stopping" (scripts/stack.ts).
  second.removeAllListeners("exit");
  second.kill("SIGTERM");
  return { lines, ok };
}
