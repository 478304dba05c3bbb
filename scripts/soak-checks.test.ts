import { describe, expect, it } from "vitest";

import type { Db } from "@/db/client";
import { rawQuery } from "@/db/raw";
import { tempDb } from "@/db/testing/temp-db";

import { changesSince, latestChangeId } from "@/db/queries/history";
import { LISTED_METRICS } from "@/lib/metrics/names";

import { scrapeFindings } from "./soak-metrics";

import {
  backwardMoves,
  callbacksAppliedTwice,
  compareTopups,
  compareWithdrawals,
  feedGaps,
  integrity,
  missingCallbacks,
  overlappingPasses,
  rollupDrift,
  rssTrend,
  unfinishedCallbacks,
} from "./soak-checks";

/** The soak's checks must be able to fail: each is shown a database that breaks it. */

const run = (db: Db, text: string, params: unknown[] = []) => rawQuery(db, text, params);
const setup = async () => {
  const db = tempDb();
  await run(
    db,
    "insert into users (email, name, role, password_hash) values ('s@x', 'S', 'support', 'x')",
  );
  return db;
};
const history = (db: Db, id: string, from: string | null, to: string, source = "callback") =>
  run(
    db,
    `insert into status_history (entity_type, entity_id, from_status, to_status, kind, source, actor)
     values ('topup', ?, ?, ?, 'applied', ?, 'system')`,
    [id, from, to, source],
  );
const callback = (db: Db, body: string, result: string) =>
  run(
    db,
    "insert into callbacks (upstream, raw_body, verification, result) values ('p2w', ?, 'ok', ?)",
    [body, result],
  );

describe("soak checks", () => {
  it("counts acknowledged bodies without their own row, identical ones as many", async () => {
    const db = await setup();
    await callback(db, '{"a":1}', "applied");
    await callback(db, '{"b":2}', "received");
    expect(await missingCallbacks(db, ['{"a":1}', '{"b":2}'])).toBe(0);
    expect(await missingCallbacks(db, ['{"a":1}', '{"a":1}', '{"c":3}'])).toBe(2);
    expect(await unfinishedCallbacks(db)).toBe(1);
  });

  it("finds a status that moved backwards, away from a final one, or from a lost state", async () => {
    const db = await setup();
    await history(db, "TU-1", null, "submitting", "create");
    await history(db, "TU-1", "submitting", "pending", "create");
    await history(db, "TU-1", "pending", "succeeded");
    expect(await backwardMoves(db)).toEqual([]);

    await history(db, "TU-2", "processing", "pending");
    await history(db, "TU-3", "succeeded", "failed");
    await history(db, "TU-4", "pending", "processing");
    await history(db, "TU-4", "pending", "succeeded");
    await history(db, "TU-5", "unknown", "failed");
    await history(db, "TU-5", "failed", "succeeded", "person");
    expect((await backwardMoves(db)).map((m) => m.entity)).toEqual([
      "topup TU-2",
      "topup TU-3",
      "topup TU-4",
    ]);
  });

  it("finds upstream orders we do not hold, intents sent twice and outcomes that differ", async () => {
    const db = await setup();
    await run(
      db,
      `insert into packages (package_id, game, name, price_satang, active, fields)
       values ('P', 'G', '{"th":"p","en":"p"}', 100, true, '[]') on conflict do nothing`,
    );
    const insert = (...values: string[]) =>
      run(
        db,
        `insert into topups (ref_id, package_id, topup_info, status, price_satang, created_by, idempotency_key, request_hash)
         values (?, 'P', '{}', ?, 100, 1, ?, 'h')`,
        values,
      );
    await insert("TU-A", "succeeded", "key-a");
    await insert("TU-B", "processing", "key-b");
    expect(
      await compareTopups(db, [
        { refID: "TU-A", status: "successed" },
        { refID: "TU-B", status: "processing" },
      ]),
    ).toEqual({ orphans: [], duplicates: [], disagreeing: [], settling: 0 });

    const found = await compareTopups(db, [
      { refID: "TU-A", status: "failed" },
      { refID: "TU-A", status: "successed" },
      { refID: "TU-Z", status: "pending" },
    ]);
    expect(found.orphans).toEqual(["TU-Z"]);
    expect(found.duplicates).toEqual(["1:key-a"]);
    expect(found.disagreeing).toEqual(["TU-A: upstream failed, here succeeded"]);

    // Not final here: lost unless the reconciler will look again or a manager has it.
    expect(
      (await compareTopups(db, [{ refID: "TU-B", status: "successed" }])).disagreeing,
    ).toHaveLength(1);
    await run(db, "update topups set next_check_at = ? where ref_id = 'TU-B'", [new Date(1)]);
    expect(await compareTopups(db, [{ refID: "TU-B", status: "successed" }])).toMatchObject({
      disagreeing: [],
      settling: 1,
    });
  });

  it("finds a withdrawal whose final outcome differs from the gateway's", async () => {
    const db = await setup();
    await run(
      db,
      `insert into withdrawals (platform_order_id, merchant_order_id, bank, account_no, account_name, amount_satang, status, ordered_at)
       values ('W1', 'M1', 'KBANK', '1', 'N', 100, 'success', ?)`,
      [new Date(0)],
    );
    const gateway = (status: string) => [{ platform_order_id: "W1", status }];
    expect((await compareWithdrawals(db, gateway("success"))).disagreeing).toEqual([]);
    expect((await compareWithdrawals(db, gateway("failed"))).disagreeing).toHaveLength(1);
    // The gateway's other word recorded as a conflict for a manager: never applied, not lost.
    await run(
      db,
      "update withdrawals set needs_review = 'conflict' where platform_order_id = 'W1'",
    );
    expect(await compareWithdrawals(db, gateway("failed"))).toMatchObject({
      disagreeing: [],
      settling: 1,
    });
    expect(await integrity(db)).toBe("ok");
    // The roll-ups follow the orders; a bucket that does not is named.
    expect(await rollupDrift(db)).toEqual([]);
    await run(db, "update withdrawal_hours set count = count + 1");
    expect(await rollupDrift(db)).toEqual([
      expect.stringMatching(/^withdrawal 0 success count: rolled 2 ≠ counted 1$/),
    ]);
  });

  it("finds a listed metric an instance does not show, an id in a label, two leaders", () => {
    const full = LISTED_METRICS.map((name) =>
      name.startsWith("upstream_request")
        ? `${name}_bucket{le="0.1",upstream="p2w"} 3`
        : `${name}{kind="topup"} 1`,
    ).join("\n");
    const leading = `${full}\nreconciler_is_leader 1`;
    expect(scrapeFindings([leading, full])).toEqual({ missing: [], idLabels: [], leaders: 1 });
    const lacking = full.replace(/^p2w_balance_satang.*$/m, "");
    expect(scrapeFindings([leading, lacking]).missing).toEqual(["p2w_balance_satang"]);
    const named = `${full}\ncallbacks_pending{ref="TU-01ABC"} 1`;
    expect(scrapeFindings([named]).idLabels).toEqual(['{ref="TU-01ABC"}']);
    expect(scrapeFindings([leading, leading]).leaders).toBe(2);
  });

  it("tells flat memory from growth", () => {
    const flat = Array.from({ length: 30 }, (_, i) => ({ at: i * 1000, mb: 200 + (i % 3) }));
    expect(rssTrend(flat).growth).toBeLessThan(1.05);
    const growing = Array.from({ length: 30 }, (_, i) => ({ at: i * 1000, mb: 200 + i * 5 }));
    expect(rssTrend(growing).growth).toBeGreaterThan(1.3);
  });

  it("finds a callback applied twice", async () => {
    const db = await setup();
    const applied = (callbackId: number) =>
      run(
        db,
        `insert into status_history (entity_type, entity_id, from_status, to_status, kind, source, actor, details)
         values ('topup', 'TU-1', 'pending', 'succeeded', 'applied', 'callback', 'system', ?)`,
        [JSON.stringify({ callbackId })],
      );
    await applied(7);
    await applied(8);
    expect(await callbacksAppliedTwice(db)).toEqual([]);
    await applied(7);
    expect(await callbacksAppliedTwice(db)).toEqual([7]);
  });

  it("finds reconciler passes that overlap, or two holders under one epoch", async () => {
    const db = await setup();
    const pass = (holder: string, epoch: number, start: number, end: number | null) =>
      run(
        db,
        "insert into reconciler_passes (holder, epoch, started_at, finished_at) values (?, ?, ?, ?)",
        [holder, epoch, new Date(start * 1000), end === null ? null : new Date(end * 1000)],
      );
    await pass("a", 1, 0, 10);
    await pass("b", 2, 20, null); // killed mid-pass: the next waits out its lease
    await pass("a", 3, 30, 40);
    expect(await overlappingPasses(db)).toEqual([]);
    await pass("b", 4, 35, 50);
    await pass("c", 4, 60, 70);
    expect(await overlappingPasses(db)).toEqual([
      expect.stringMatching(/^pass \d+ \(b, epoch 4\) started before pass \d+ \(a, epoch 3\)/),
      expect.stringMatching(/^pass \d+ \(c, epoch 4\) shares its epoch with b$/),
    ]);
  });

  it("finds a change the live feed missed or told twice, up to the follower's cursor", async () => {
    const db = await setup();
    const start = await latestChangeId(db);
    await history(db, "TU-1", null, "pending", "create");
    await history(db, "TU-1", "pending", "succeeded");
    await history(db, "TU-2", null, "pending", "create");
    const page = await changesSince(db, start, 500);
    const changes = new Map<string, number>();
    for (const c of page.changes)
      changes.set(
        `${c.entityType} ${c.entityId}`,
        (changes.get(`${c.entityType} ${c.entityId}`) ?? 0) + 1,
      );
    // Written after the follower's last page: not yet its to deliver.
    await history(db, "TU-3", null, "pending", "create");
    const feed = { start, cursor: page.cursor, changes };
    expect(await feedGaps(db, feed)).toEqual([]);
    expect(
      await feedGaps(db, { ...feed, changes: new Map([...changes, ["topup TU-1", 1]]) }),
    ).toEqual(["topup TU-1: 2 written, 1 delivered"]);
    expect(
      await feedGaps(db, { ...feed, changes: new Map([...changes, ["topup TU-2", 2]]) }),
    ).toEqual(["topup TU-2: 1 written, 2 delivered"]);
  });
});
