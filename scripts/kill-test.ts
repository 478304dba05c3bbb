import type { ChildProcess } from "node:child_process";

import Database from "better-sqlite3";

import { p2wCallback } from "./load";
import { waitForHealth } from "./stack";
import { percentile } from "./timing";

/**
 * The callback benchmark's crash test (`npm run bench:callbacks -- --kill-cycles N`): floods
 * the server with signed callbacks from 100 senders and SIGKILLs it at a random moment, then
 * starts it again, `cycles` times, until at least `target` callbacks were acknowledged in all.
 * At the end every acknowledged callback must be in the database, and the server started after
 * the last kill must process every stored one; how long that drain takes is printed.
 * Returns whether nothing acknowledged was lost.
 */
export async function killTest(options: {
  base: string;
  databasePath: string;
  webhookSecret: string;
  /** Starts the server (the first one is already running) and returns its process. */
  start: () => ChildProcess;
  server: ChildProcess;
  cycles: number;
  target: number;
}): Promise<boolean> {
  const { base, cycles, target } = options;
  let server = options.server;
  const acknowledged: string[] = [];
  const restartMs: number[] = [];
  let serial = 0;
  const nextCallback = () =>
    p2wCallback(options.webhookSecret, {
      orderID: `P2W-K-${serial}`,
      refID: `TU-KILL-${process.pid}-${String(serial++).padStart(8, "0")}`,
      status: "successed",
    });

  console.log(
    `\nCrash test: ${cycles} kill cycles, at least ${target.toLocaleString("en")} callbacks acknowledged`,
  );
  for (let cycle = 1; cycle <= cycles; cycle++) {
    const share = Math.ceil((target - acknowledged.length) / (cycles - cycle + 1));
    const started = Date.now();
    const before = acknowledged.length;
    let killed = false;
    let killTimer: NodeJS.Timeout | undefined;
    const kill = () => {
      if (killed) return;
      killed = true;
      server.kill("SIGKILL");
    };
    await Promise.all(
      Array.from({ length: 100 }, async () => {
        while (!killed) {
          const { path, body } = nextCallback();
          try {
            const res = await fetch(`${base}${path}`, { method: "POST", body });
            await res.arrayBuffer();
            if (res.status === 200) acknowledged.push(JSON.parse(body).refID as string);
          } catch {
            // the server is gone: this one was never acknowledged
          }
          // Enough for this cycle: the kill lands at a random moment in the next 300 ms,
          // with every sender still sending.
          if (acknowledged.length - before >= share && !killTimer)
            killTimer = setTimeout(kill, Math.random() * 300);
        }
      }),
    );
    await new Promise((resolve) =>
      server.exitCode !== null || server.signalCode !== null
        ? resolve(null)
        : server.once("exit", resolve),
    );
    const restarted = Date.now();
    server = options.start();
    await waitForHealth(`${base}/api/health`);
    restartMs.push(Date.now() - restarted);
    console.log(
      `cycle ${String(cycle).padStart(2)}: ${acknowledged.length - before} acknowledged in ${((restarted - started) / 1000).toFixed(1)} s, killed; healthy again after ${Date.now() - restarted} ms`,
    );
  }

  // The last server drains what the killed ones left.
  const db = new Database(options.databasePath, { readonly: true });
  const waiting = db.prepare(
    "select count(*) from callbacks where result in ('received', 'retry', 'replaying')",
  );
  const backlog = waiting.pluck().get() as number;
  const drainStarted = Date.now();
  while ((waiting.pluck().get() as number) > 0 && Date.now() - drainStarted < 900_000)
    await new Promise((r) => setTimeout(r, 100));
  const drainMs = Date.now() - drainStarted;
  const stored = new Set(
    db
      .prepare(
        "select entity_id from callbacks where upstream = 'p2w' and entity_id like 'TU-KILL-%'",
      )
      .pluck()
      .all() as string[],
  );
  const results = db
    .prepare("select result, count(*) n from callbacks group by result order by result")
    .all() as { result: string; n: number }[];
  const left = waiting.pluck().get() as number;
  db.close();
  const lost = acknowledged.filter((refId) => !stored.has(refId)).length;
  restartMs.sort((a, b) => a - b);

  console.log(
    `\n${acknowledged.length.toLocaleString("en")} acknowledged over ${cycles} kills; ` +
      `${stored.size.toLocaleString("en")} stored (the rest of the stored ones were cut off before their answer)`,
  );
  console.log(
    `restart to healthy: p50 ${percentile(restartMs, 50)} ms, max ${restartMs.at(-1)} ms`,
  );
  console.log(
    `after the last restart: ${backlog.toLocaleString("en")} waiting, drained in ${(drainMs / 1000).toFixed(1)} s` +
      `${left > 0 ? ` (${left} still waiting: gave up)` : ""}`,
  );
  console.log(`results: ${results.map((r) => `${r.result} ${r.n}`).join(", ")}`);
  const verdict = (goal: string, met: boolean) =>
    console.log(`${met ? "met    " : "NOT MET"}  ${goal}`);
  verdict(`acknowledged but not stored: ${lost} (goal 0)`, lost === 0);
  verdict(`stored but never processed: ${left} (goal 0)`, left === 0);
  verdict(
    `${acknowledged.length.toLocaleString("en")} acknowledged over ${cycles} kill cycles (goal ≥ 100,000 over ≥ 20)`,
    acknowledged.length >= 100_000 && cycles >= 20,
  );
  server.kill("SIGTERM");
  return lost === 0 && left === 0;
}
