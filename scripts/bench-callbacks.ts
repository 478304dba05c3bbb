import { spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import path from "node:path";

import Database from "better-sqlite3";

import { args } from "./cli";
import { prepareDatabase, SERVE, stackEnv, waitForHealth } from "./stack";

/**
 * `npm run bench:callbacks -- [--total 5000] [--concurrency 100] [--rate R] [--kill-after-ms N]`
 * (after `npm run build`): starts its own production server, sends signed P2W callbacks
 * from N concurrent senders and prints acknowledgement latency. Without --rate every
 * sender sends again as soon as it is answered (the server's ceiling); with --rate the
 * senders together send R callbacks a second (an upstream's pace). With --kill-after-ms it
 * SIGKILLs the server mid-run and then checks that every callback answered 2xx is in the
 * database. Targets (docs/design.md): p99 ≤ 100 ms; nothing acknowledged is ever lost.
 */
const { values } = args({
  total: { type: "string" },
  concurrency: { type: "string" },
  rate: { type: "string" },
  "kill-after-ms": { type: "string" },
});
const rate = Number(values.rate ?? 0);
const total = Number(values.total ?? 5_000);
const concurrency = Number(values.concurrency ?? 100);
const killAfter = Number(values["kill-after-ms"] ?? 0);
const port = 3200;
const env: Record<string, string> = {
  ...stackEnv({
    port,
    dataDir: path.resolve(".tmp", "bench-callbacks"),
    p2wPort: 4210,
    payoutPort: 4220,
  }),
  RECONCILER: "off",
};
await prepareDatabase(env);

const server = spawn(process.execPath, [SERVE, "-p", String(port)], {
  env: { ...process.env, ...env },
  stdio: ["ignore", "ignore", "inherit"],
});
await waitForHealth(`http://localhost:${port}/api/health`);

const secret = env.WEBHOOK_SECRET ?? "";
const acknowledged: string[] = [];
const latencies: number[] = [];
let refused = 0;
let failed = 0;
let next = 0;
let killed = false;
const started = performance.now();
if (killAfter > 0) {
  setTimeout(() => {
    killed = true;
    server.kill("SIGKILL");
  }, killAfter);
}

await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < total && !killed) {
      // Take the callback's number before waiting, so senders spread out instead of bursting.
      const n = next++;
      if (rate > 0) {
        // Open loop: callback n is due at n / rate seconds, answered or not.
        const due = started + (n / rate) * 1000;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
      const refId = `TU-BENCH-${String(n).padStart(7, "0")}`;
      const token = createHmac("sha256", secret).update(refId).digest("hex");
      const body = JSON.stringify({
        orderID: `P2W-B-${refId}`,
        refID: refId,
        status: "successed",
        balance: 1000,
        reason: "",
      });
      const t0 = performance.now();
      try {
        const res = await fetch(`http://localhost:${port}/api/webhooks/p2w?token=${token}`, {
          method: "POST",
          body,
        });
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (res.status === 200) acknowledged.push(refId);
        else refused++;
      } catch {
        failed++;
      }
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
if (!killed) server.kill("SIGTERM");
await new Promise((r) => setTimeout(r, 500));

latencies.sort((a, b) => a - b);
const at = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? 0;
console.log(
  `${acknowledged.length} acknowledged, ${refused} refused, ${failed} without answer, in ${seconds.toFixed(1)} s (${(acknowledged.length / seconds).toFixed(0)}/s), ${concurrency} senders`,
);
console.log(
  `ack latency p50 ${at(50).toFixed(1)} ms, p95 ${at(95).toFixed(1)} ms, p99 ${at(99).toFixed(1)} ms, max ${(latencies.at(-1) ?? 0).toFixed(1)} ms`,
);

const db = new Database(env.DATABASE_PATH ?? "", { readonly: true });
const stored = new Set(
  (
    db.prepare("select entity_id from callbacks where upstream = 'p2w'").all() as {
      entity_id: string;
    }[]
  ).map((r) => r.entity_id),
);
const lost = acknowledged.filter((refId) => !stored.has(refId));
console.log(
  `${killed ? "server killed mid-run; " : ""}acknowledged but not stored: ${lost.length}`,
);
if (lost.length > 0) process.exitCode = 1;
