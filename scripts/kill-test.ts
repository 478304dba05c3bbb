import type { ChildProcess } from "node:child_process";

import { rawQuery, rawValue } from "@/db/raw";

import type { SignedCallback } from "./load";
import { missingCallbacks, unfinishedCallbacks } from "./soak-checks";
import { ended, waitForHealth } from "./stack";
import { percentile } from "./timing";

/**
 * The callback benchmark's crash test (`npm run bench:callbacks -- --kill-cycles N`): floods
 * the server with signed callbacks (`next`) from 100 senders and SIGKILLs it at a random
 * moment, then starts it again, `cycles` times, until at least `target` callbacks were
 * acknowledged in all. At the end every acknowledged callback must be stored (each body its
 * own row), and the server started after the last kill must process every stored one; how
 * long that drain takes, from the restart, is printed. Returns whether both held.
 */
export async function killTest(options: {
  base: string;
  databasePath: string;
  next: () => SignedCallback;
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
  // Imported here, not above: the process's database is chosen when db/ is first loaded,
  // which must come after the caller set DATABASE_URL (scripts/bench-callbacks.ts).
  const { openDb } = await import("@/db/client");
  const db = openDb(options.databasePath);
  let backlog = 0;
  let lastRestart = 0;

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
      killed = true;
      server.kill("SIGKILL");
    };
    await Promise.all(
      Array.from({ length: 100 }, async () => {
        while (!killed) {
          const { path, body, headers } = options.next();
          try {
            const res = await fetch(`${base}${path}`, { method: "POST", body, headers });
            await res.arrayBuffer();
            if (res.status === 200) acknowledged.push(body);
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
    await ended(server);
    if (cycle === cycles) backlog = await unfinishedCallbacks(db);
    lastRestart = Date.now();
    server = options.start();
    await waitForHealth(`${base}/api/health`);
    restartMs.push(Date.now() - lastRestart);
    console.log(
      `cycle ${String(cycle).padStart(2)}: ${acknowledged.length - before} acknowledged in ${((lastRestart - started) / 1000).toFixed(1)} s, killed; healthy again after ${Date.now() - lastRestart} ms`,
    );
  }

  // The last server drains what the killed ones left.
  while ((await unfinishedCallbacks(db)) > 0 && Date.now() - lastRestart < 900_000)
    await new Promise((r) => setTimeout(r, 100));
  const drainMs = Date.now() - lastRestart;
  const left = await unfinishedCallbacks(db);
  const lost = await missingCallbacks(db, acknowledged);
  const stored = await rawValue<number>(db, "select count(*) from callbacks");
  const results = await rawQuery<{ result: string; n: number }>(
    db,
    "select result, count(*) n from callbacks group by result order by result",
  );
  db.$store.close();
  server.kill("SIGTERM");
  restartMs.sort((a, b) => a - b);

  console.log(
    `\n${acknowledged.length.toLocaleString("en")} acknowledged over ${cycles} kills; ` +
      `${stored.toLocaleString("en")} stored (the rest were cut off before their answer)`,
  );
  console.log(
    `restart to healthy: p50 ${percentile(restartMs, 50)} ms, max ${restartMs.at(-1)} ms`,
  );
  console.log(
    `at the last kill ${backlog.toLocaleString("en")} were waiting; the server started after it ` +
      `had processed every stored one ${(drainMs / 1000).toFixed(1)} s after its start` +
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
  return lost === 0 && left === 0;
}
