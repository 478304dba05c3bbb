import { afterEach, describe, expect, it } from "vitest";

import { rawQuery, rawValue } from "@/db/raw";
import type { Db } from "@/db/client";
import { dialect } from "@/db/dialect";
import {
  getCallback,
  insertCallback,
  setCallbackResult,
  workerLeaseName,
} from "@/db/queries/callbacks";
import { acquireLease } from "@/db/queries/leases";
import { openDb } from "@/db/client";
import { tempDb } from "@/db/testing/temp-db";
import { waitFor } from "@/lib/testing/receiver";

import { CallbackWorker, type CallbackProcessor } from "./worker";

const workers: CallbackWorker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
});

function worker(db: Db, processors: Parameters<typeof newWorker>[1], options = {}) {
  const w = newWorker(db, processors, options);
  workers.push(w);
  return w;
}
const newWorker = (
  db: Db,
  processors: Partial<Record<"p2w" | "payout", CallbackProcessor>>,
  options: ConstructorParameters<typeof CallbackWorker>[2] = {},
) => new CallbackWorker(() => db, processors, options);

async function received(db: Db, count: number, upstream: "p2w" | "payout" = "p2w") {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(
      await insertCallback(db, {
        upstream,
        rawBody: "{}",
        verification: "ok",
        entityId: `E-${i}`,
        ip: "127.0.0.1",
        result: "received",
      }),
    );
  }
  return ids;
}

/** A processor that records each run and marks the callback applied, as the real ones do. */
function recorder(db: Db, hold?: Promise<void>) {
  const runs: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const process: CallbackProcessor = async (id) => {
    runs.push(id);
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    await (hold ?? new Promise((r) => setTimeout(r, 2)));
    inFlight--;
    await setCallbackResult(db, id, "applied", null, true);
    return "applied";
  };
  return { runs, process, maxInFlight: () => maxInFlight };
}

const unprocessed = (db: Db) =>
  rawValue<number>(db, "select count(*) from callbacks where result = 'received'");

describe("callback worker", () => {
  it("picks up what waited across a restart, oldest first, each exactly once", async () => {
    const db = tempDb();
    const ids = await received(db, 40);
    // Claimed by a process that then died: the claim ran out a second ago.
    await rawQuery(db, "update callbacks set claimed_until = ? where id <= ?", [
      new Date(Date.now() - 1000),
      ids[4],
    ]);
    const { runs, process } = recorder(db);
    worker(db, { p2w: process }).start();
    await waitFor(async () => (await unprocessed(db)) === 0);
    expect(runs).toEqual(ids);
  });

  it("never takes again a row it is still processing, even before its own lease is written", async () => {
    const db = tempDb();
    const ids = await received(db, 4);
    let release!: () => void;
    const { runs, process } = recorder(db, new Promise<void>((r) => (release = r)));
    // Woken, never started: no liveness lease of its own exists while it works.
    const w = worker(db, { p2w: process }, { concurrency: 8 });
    w.wake();
    await waitFor(() => runs.length === 4 || undefined);
    // More wake-ups while the four are in hand (a callback arrived, a slot came free).
    for (let i = 0; i < 3; i++) {
      const look = w.nextLook();
      w.wake();
      expect(await look).toBe(0);
    }
    release();
    await w.settled();
    expect(runs.sort((a, b) => a - b)).toEqual(ids);
  });

  it("leaves a row another live worker holds until its claim runs out", async () => {
    const db = tempDb();
    const [held] = await received(db, 1);
    await rawQuery(db, "update callbacks set claimed_until = ?, claimed_by = 'peer' where id = ?", [
      new Date(Date.now() + 1_000),
      held,
    ]);
    // The peer is alive: its liveness lease runs for a while yet.
    await acquireLease(db, workerLeaseName("peer"), "peer", 60_000);
    const { runs, process } = recorder(db);
    const w = worker(db, { p2w: process }, { pollMs: 50 });
    const first = w.nextLook();
    w.start();
    // It looked, and twice took nothing: the row is the peer's while its claim runs.
    expect(await first).toBe(0);
    expect(await w.nextLook()).toBe(0);
    expect(runs).toEqual([]);
    await waitFor(() => runs.length === 1, 5_000);
    expect(runs).toEqual([held]);
  });

  it("takes at once what a killed worker held, once its liveness lease has lapsed", async () => {
    const db = tempDb();
    const ids = await received(db, 3);
    // A process killed mid-work: claims for another minute, its lease lapsed a moment ago.
    await rawQuery(
      db,
      "update callbacks set claimed_until = ?, claimed_by = 'dead' where id <= ?",
      [new Date(Date.now() + 60_000), ids[1]],
    );
    await acquireLease(db, workerLeaseName("dead"), "dead", -1);
    const { runs, process } = recorder(db);
    const w = worker(db, { p2w: process }).start();
    await waitFor(async () => (await unprocessed(db)) === 0, 2_000);
    expect(runs).toEqual(ids);
    // Its own lease is live while it runs, the dead one's is gone, and stop releases its own.
    const leases = async () =>
      (
        await rawQuery<Record<string, unknown>>(
          db,
          "select holder from leases where name like 'callback-worker:%'",
        )
      ).map((r) => Object.values(r)[0]);
    expect(await leases()).toEqual([w.holder]);
    await w.stop();
    expect(await leases()).toEqual([]);
  });

  it("a drain takes what waits, also what is stored meanwhile, finishes it and hands its lease back", async () => {
    const db = tempDb();
    const ids = await received(db, 30);
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const { runs, process } = recorder(db, gate);
    // Never started: no look of its own, as a stopping server's worker has no more wake-ups.
    const w = newWorker(db, { p2w: process }, { concurrency: 8, pollMs: 60_000 });
    const drained = w.drain(5_000);
    await waitFor(() => runs.length === 8 || undefined);
    // Stored while the first eight are in hand: a callback the intake answered just now.
    const late = await received(db, 2);
    release();
    expect(await drained).toBe(32);
    expect([...runs].sort((a, b) => a - b)).toEqual([...ids, ...late]);
    expect(await unprocessed(db)).toBe(0);
    expect(
      await rawValue(db, "select count(*) from leases where name like 'callback-worker:%'"),
    ).toBe(0);
    // Stopped: what is stored after the drain is left for the next process.
    await received(db, 1);
    const look = w.nextLook();
    w.wake();
    await Promise.race([look, new Promise((r) => setTimeout(r, 100))]);
    expect(runs).toHaveLength(32);
  });

  it("a drain stops taking when its time is up and still finishes every callback in hand", async () => {
    const db = tempDb();
    await received(db, 40);
    const { runs, process } = recorder(db);
    const slow: CallbackProcessor = async (id) => {
      await new Promise((r) => setTimeout(r, 40));
      return process(id);
    };
    const w = newWorker(db, { p2w: slow }, { concurrency: 4, pollMs: 60_000 });
    const took = await w.drain(60);
    // It took a batch or two, and every one it took is done, none left half-way.
    expect(took).toBeGreaterThanOrEqual(4);
    expect(took).toBeLessThan(40);
    expect(runs).toHaveLength(took);
    expect(await unprocessed(db)).toBe(40 - took);
    expect(await rawValue(db, "select count(*) from callbacks where result = 'applied'")).toBe(
      took,
    );
  });

  it("holds at most `concurrency` callbacks in hand however many wait", async () => {
    const db = tempDb();
    await received(db, 200);
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const { runs, process, maxInFlight } = recorder(db, gate);
    const w = worker(db, { p2w: process }, { concurrency: 8 }).start();
    for (let i = 0; i < 50; i++) w.wake();
    await waitFor(() => runs.length === 8);
    // Woken with every slot full, it takes nothing more.
    const look = w.nextLook();
    w.wake();
    expect(await look).toBe(0);
    expect(runs).toHaveLength(8);
    const claimed = await rawValue(
      db,
      "select count(*) from callbacks where claimed_until is not null",
    );
    expect(claimed).toBe(8);
    release();
    await waitFor(() => runs.length === 200);
    expect(maxInFlight()).toBe(8);
    expect(new Set(runs).size).toBe(200);
  });

  it("two workers on one file never process the same callback", async () => {
    const db = tempDb();
    const ids = await received(db, 150);
    const other = openDb(db.$store.location);
    // Both ready before either starts, as two running instances are (on PostgreSQL a new
    // handle first waits for the migrations' lock; the first worker could take all by then).
    await Promise.all([db.$store.ready(), other.$store.ready()]);
    const a = recorder(db);
    const b = recorder(other);
    const wa = worker(db, { p2w: a.process }, { concurrency: 4 }).start();
    const wb = worker(other, { p2w: b.process }, { concurrency: 4 }).start();
    await waitFor(() => a.runs.length + b.runs.length === 150);
    // Both finish what they hold, then look again and find nothing left to take.
    await Promise.all([wa.settled(), wb.settled()]);
    const looks = [wa.nextLook(), wb.nextLook()];
    wa.wake();
    wb.wake();
    expect(await Promise.all(looks)).toEqual([0, 0]);
    expect([...a.runs, ...b.runs].sort((x, y) => x - y)).toEqual(ids);
    expect(a.runs.length).toBeGreaterThan(0);
    expect(b.runs.length).toBeGreaterThan(0);
  });

  it("takes only the upstreams it has a processor for", async () => {
    const db = tempDb();
    await received(db, 3, "payout");
    const [p2w] = await received(db, 1, "p2w");
    const { runs, process } = recorder(db);
    worker(db, { p2w: process }).start();
    // Its result is written after the run is counted: wait for that too.
    await waitFor(async () => runs.length === 1 && (await unprocessed(db)) === 3);
    expect(runs).toEqual([p2w]);
    expect(await unprocessed(db)).toBe(3);
  });

  it("a callback whose processing keeps throwing is left for a person after a few runs", async () => {
    const db = tempDb();
    const [id] = await received(db, 1);
    let runs = 0;
    const w = worker(
      db,
      {
        p2w: async () => {
          runs++;
          throw new Error("broken body");
        },
      },
      { claimMs: 10, pollMs: 15, maxRuns: 3 },
    ).start();
    await waitFor(async () => (await getCallback(db, id ?? 0))?.result === "unconfirmed");
    await w.settled();
    // Left for a person: the next look does not take it again.
    const look = w.nextLook();
    w.wake();
    expect(await look).toBe(0);
    expect(runs).toBe(3);
    expect(await getCallback(db, id ?? 0)).toMatchObject({
      result: "unconfirmed",
      detail: "processing failed",
      attempts: 3,
    });
  });

  // SQLite's plan (PostgreSQL's claim: db/pg/store.ts, FOR UPDATE SKIP LOCKED).
  it.skipIf(dialect === "postgres")(
    "claims by walking the pending index, not the table",
    async () => {
      const db = tempDb();
      const plan = (await rawQuery(
        db,
        `explain query plan select id from callbacks
          where result = 'received' and upstream in ('p2w', 'payout')
            and (claimed_until is null or claimed_until < 0)
          order by received_at, id limit 16`,
      )) as { detail: string }[];
      const details = plan.map((p) => p.detail).join(" | ");
      expect(details).toContain("USING INDEX callbacks_pending_idx");
      expect(details).not.toContain("TEMP B-TREE");
    },
  );
});
