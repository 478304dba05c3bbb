import { setImmediate as nextTurn, setTimeout as sleep } from "node:timers/promises";
import { Worker } from "node:worker_threads";

import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type Db, openDb, withTx } from "../client";
import { rawExec, rawQuery, rawValue } from "../raw";
import { tempDb } from "../testing/temp-db";
import { NestedTransactionError } from "./store";

/**
 * `withTx` on SQLite, under concurrency: many async transaction bodies at once, on two
 * handles of one file, while another thread holds the file's write lock again and again
 * (as the callback thread does). Every body reads a counter, waits (a microtask, a turn of
 * the event loop, a timer), and writes it back plus one; some throw after writing.
 */

/** Another thread writing to the same file: each transaction holds the lock for 3 ms. */
const LOCK_HOLDER = `
const { workerData, parentPort } = require("node:worker_threads");
const Database = require("better-sqlite3");
const db = new Database(workerData.file, { timeout: 5000 });
const hold = new Int32Array(new SharedArrayBuffer(4));
let stop = false;
parentPort.on("message", () => (stop = true));
const bump = db.prepare("update counter set n = n + 1 where id = 2");
let done = 0;
(function loop() {
  if (stop) { db.close(); parentPort.postMessage(done); return; }
  db.exec("begin immediate");
  bump.run();
  Atomics.wait(hold, 0, 0, 3);
  db.exec("commit");
  done++;
  setTimeout(loop, 1);
})();
`;

type Body = { waits: ("micro" | "turn" | "timer")[]; throws: boolean; other: boolean };

const body = fc.record({
  waits: fc.array(fc.constantFrom("micro", "turn", "timer"), { maxLength: 3 }),
  throws: fc.boolean(),
  other: fc.boolean(),
}) as fc.Arbitrary<Body>;

class Planned extends Error {}

async function wait(kind: Body["waits"][number]) {
  if (kind === "micro") await Promise.resolve();
  else if (kind === "turn") await nextTurn();
  else await sleep(1);
}

describe("withTx on SQLite", () => {
  let db: Db;
  let other: Db;
  let holder: Worker;

  beforeAll(async () => {
    db = tempDb();
    other = openDb(db.$store.location);
    await rawExec(
      db,
      `create table counter (id integer primary key, n integer not null);
       insert into counter values (1, 0), (2, 0);
       create table log (body integer primary key);`,
    );
    holder = new Worker(LOCK_HOLDER, { eval: true, workerData: { file: db.$store.location } });
    // The other thread is writing before the first body starts.
    while ((await rawValue<number>(db, "select n from counter where id = 2")) === 0) await sleep(5);
  });

  afterAll(async () => {
    const stopped = new Promise<number>((resolve) => holder.once("message", resolve));
    holder.postMessage("stop");
    // The other thread did write all along: the lock really was contended.
    expect(await stopped).toBeGreaterThan(1);
    other.$store.close();
    db.$store.close();
  });

  it("loses no update, lets no SQLITE_BUSY escape and rolls a thrown body back", async () => {
    let offset = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(body, { minLength: 1, maxLength: 40 }), async (bodies) => {
        const before = await rawValue<number>(db, "select n from counter where id = 1");
        const base = offset;
        offset += bodies.length;
        const outcomes = await Promise.allSettled(
          bodies.map((b, i) =>
            withTx(b.other ? other : db, async (tx) => {
              const n = await rawValue<number>(tx, "select n from counter where id = 1");
              for (const kind of b.waits) await wait(kind);
              await rawQuery(tx, "update counter set n = ? where id = 1", [n + 1]);
              await rawQuery(tx, "insert into log (body) values (?)", [base + i]);
              if (b.throws) throw new Planned();
              return n;
            }),
          ),
        );
        for (const [i, outcome] of outcomes.entries()) {
          if (bodies[i]?.throws) expect(outcome).toMatchObject({ status: "rejected" });
          else expect(outcome.status).toBe("fulfilled");
          if (outcome.status === "rejected") expect(outcome.reason).toBeInstanceOf(Planned);
        }
        const kept = bodies.flatMap((b, i) => (b.throws ? [] : [base + i]));
        expect(await rawValue<number>(db, "select n from counter where id = 1")).toBe(
          before + kept.length,
        );
        const logged = await rawQuery<{ body: number }>(
          db,
          "select body from log where body >= ? order by body",
          [base],
        );
        expect(logged.map((r) => r.body)).toEqual(kept);
        // Each body read what the one before it wrote: the bodies ran one after another.
        const seen = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
        expect(new Set(seen).size).toBe(seen.length);
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it("joins the outer transaction when given its tx, and refuses to open a second with db", async () => {
    await expect(
      withTx(db, async (tx) => {
        await rawQuery(tx, "update counter set n = n + 100 where id = 1");
        await withTx(tx, (inner) => rawQuery(inner, "update counter set n = n + 1 where id = 1"));
        await withTx(db, async () => undefined);
      }),
    ).rejects.toBeInstanceOf(NestedTransactionError);
    // The refusal rolled the whole body back, the joined part with it.
    const before = await rawValue<number>(db, "select n from counter where id = 1");
    const n = await withTx(db, async (tx) => {
      await rawQuery(tx, "update counter set n = n + 100 where id = 1");
      await withTx(tx, (inner) => rawQuery(inner, "update counter set n = n + 1 where id = 1"));
      return rawValue<number>(tx, "select n from counter where id = 1");
    });
    expect(n).toBe(before + 101);
  });

  it("reads outside a transaction see only what is committed", async () => {
    const before = await rawValue<number>(db, "select n from counter where id = 1");
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const open = withTx(db, async (tx) => {
      await rawQuery(tx, "update counter set n = n + 1 where id = 1");
      await gate;
    });
    await sleep(5);
    expect(await rawValue<number>(db, "select n from counter where id = 1")).toBe(before);
    release();
    await open;
    expect(await rawValue<number>(db, "select n from counter where id = 1")).toBe(before + 1);
  });
});
