import fs from "node:fs";

import { args } from "./cli";
import { signIn } from "./load";
import { percentile } from "./timing";

/**
 * `npm run bench:live -- --url URL --email E --password P [--tabs 50] [--seconds 20] [--pid PID]
 * [--overview] [--create-every S]` against a running dashboard: the worst case of live status,
 * every tab polling the change feed on its own once a second (a browser with Web Locks shares
 * one poller instead). With `--overview` each tab is an open overview: after a change it
 * refetches `GET /api/overview` (at most every 3 s, as the page does) and every 30 s anyway.
 * `--create-every S` creates a top-up every S seconds meanwhile (the person signed in must
 * be allowed to), so there are changes to follow. Prints latency and, with --pid, the server
 * process's CPU use over the run.
 */
const { values } = args({
  url: { type: "string" },
  email: { type: "string" },
  password: { type: "string" },
  tabs: { type: "string" },
  seconds: { type: "string" },
  pid: { type: "string" },
  overview: { type: "boolean" },
  "create-every": { type: "string" },
});
const base = values.url ?? "http://localhost:3000";
const tabs = Number(values.tabs ?? 50);
const seconds = Number(values.seconds ?? 20);

const cpuTicks = (pid: string) => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return Number(fields[11]) + Number(fields[12]);
};

const cookie = await signIn(base, values.email ?? "", values.password ?? "");
const latencies: number[] = [];
const overviewLatencies: number[] = [];
let errors = 0;
let created = 0;
const startTicks = values.pid ? cpuTicks(values.pid) : 0;
const started = Date.now();
await Promise.all([
  ...Array.from({ length: tabs }, async (_, i) => {
    await new Promise((r) => setTimeout(r, (i * 1000) / tabs));
    let cursor = 0;
    let lastOverview = 0;
    let changed = values.overview === true;
    while (Date.now() - started < seconds * 1000) {
      const t0 = performance.now();
      try {
        const res = await fetch(`${base}/api/changes?since=${cursor}`, { headers: { cookie } });
        const body = (await res.json()) as { cursor: number; changes?: unknown[] };
        if (!res.ok) errors++;
        if (cursor !== 0 && (body.changes?.length ?? 0) > 0) changed = true;
        cursor = body.cursor ?? cursor;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t0);
      const since = Date.now() - lastOverview;
      if (values.overview && ((changed && since >= 3000) || since >= 30_000)) {
        changed = false;
        lastOverview = Date.now();
        const o0 = performance.now();
        const res = await fetch(`${base}/api/overview`, { headers: { cookie } }).catch(() => null);
        if (!res?.ok) errors++;
        await res?.arrayBuffer();
        overviewLatencies.push(performance.now() - o0);
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }),
  (async () => {
    const every = Number(values["create-every"] ?? 0) * 1000;
    if (!every) return;
    while (Date.now() - started < seconds * 1000) {
      await new Promise((r) => setTimeout(r, every));
      const res = await fetch(`${base}/api/topups`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json" },
        body: JSON.stringify({
          packageId: "FF_TH_D100",
          topupInfo: { playerid: `bench-${Date.now()}` },
        }),
      });
      if (res.ok) created++;
      else errors++;
    }
  })(),
]);
const elapsed = (Date.now() - started) / 1000;
latencies.sort((a, b) => a - b);
overviewLatencies.sort((a, b) => a - b);
const at = (p: number, list = latencies) => percentile(list, p);
console.log(`${tabs} tabs polling /api/changes once a second for ${elapsed.toFixed(0)} s`);
console.log(
  `requests ${latencies.length} (${(latencies.length / elapsed).toFixed(1)}/s), errors ${errors}`,
);
console.log(
  `latency p50 ${at(50).toFixed(1)} ms, p95 ${at(95).toFixed(1)} ms, max ${(latencies.at(-1) ?? 0).toFixed(1)} ms`,
);
if (values.overview)
  console.log(
    `overview fetches ${overviewLatencies.length} (${(overviewLatencies.length / elapsed).toFixed(1)}/s), ` +
      `top-ups created ${created}; overview latency p50 ${at(50, overviewLatencies).toFixed(1)} ms, ` +
      `p95 ${at(95, overviewLatencies).toFixed(1)} ms`,
  );
if (values.pid) {
  const cpu = ((cpuTicks(values.pid) - startTicks) / 100 / elapsed) * 100;
  console.log(`server CPU: ${cpu.toFixed(1)} % of one core`);
}
