import { describe, expect, it } from "vitest";

import { tempDb } from "@/db/testing/temp-db";

import {
  backwardMoves,
  compareTopups,
  compareWithdrawals,
  integrity,
  missingCallbacks,
  rssTrend,
  unfinishedCallbacks,
} from "./soak-checks";

/** The soak's checks must be able to fail: each is shown a database that breaks it. */

const setup = () => {
  const db = tempDb().$client;
  db.prepare(
    "insert into users (email, name, role, password_hash) values ('s@x', 'S', 'support', 'x')",
  ).run();
  return db;
};
const history = (
  db: ReturnType<typeof setup>,
  id: string,
  from: string | null,
  to: string,
  source = "callback",
) =>
  db
    .prepare(
      `insert into status_history (entity_type, entity_id, from_status, to_status, kind, source, actor)
       values ('topup', ?, ?, ?, 'applied', ?, 'system')`,
    )
    .run(id, from, to, source);
const callback = (db: ReturnType<typeof setup>, body: string, result: string) =>
  db
    .prepare(
      "insert into callbacks (upstream, raw_body, verification, result) values ('p2w', ?, 'ok', ?)",
    )
    .run(body, result);

describe("soak checks", () => {
  it("counts acknowledged bodies without their own row, identical ones as many", () => {
    const db = setup();
    callback(db, '{"a":1}', "applied");
    callback(db, '{"b":2}', "received");
    expect(missingCallbacks(db, ['{"a":1}', '{"b":2}'])).toBe(0);
    expect(missingCallbacks(db, ['{"a":1}', '{"a":1}', '{"c":3}'])).toBe(2);
    expect(unfinishedCallbacks(db)).toBe(1);
  });

  it("finds a status that moved backwards, away from a final one, or from a lost state", () => {
    const db = setup();
    history(db, "TU-1", null, "submitting", "create");
    history(db, "TU-1", "submitting", "pending", "create");
    history(db, "TU-1", "pending", "succeeded");
    expect(backwardMoves(db)).toEqual([]);

    history(db, "TU-2", "processing", "pending");
    history(db, "TU-3", "succeeded", "failed");
    history(db, "TU-4", "pending", "processing");
    history(db, "TU-4", "pending", "succeeded");
    history(db, "TU-5", "unknown", "failed");
    history(db, "TU-5", "failed", "succeeded", "person");
    expect(backwardMoves(db).map((m) => m.entity)).toEqual([
      "topup TU-2",
      "topup TU-3",
      "topup TU-4",
    ]);
  });

  it("finds upstream orders we do not hold, intents sent twice and outcomes that differ", () => {
    const db = setup();
    const topup = db.prepare(
      `insert into packages (package_id, game, name, price_satang, active, fields)
       values ('P', 'G', '{"th":"p","en":"p"}', 100, 1, '[]') on conflict do nothing`,
    );
    topup.run();
    const insert = db.prepare(
      `insert into topups (ref_id, package_id, topup_info, status, price_satang, created_by, idempotency_key, request_hash)
       values (?, 'P', '{}', ?, 100, 1, ?, 'h')`,
    );
    insert.run("TU-A", "succeeded", "key-a");
    insert.run("TU-B", "processing", "key-b");
    expect(
      compareTopups(db, [
        { refID: "TU-A", status: "successed" },
        { refID: "TU-B", status: "processing" },
      ]),
    ).toEqual({ orphans: [], duplicates: [], disagreeing: [], settling: 0 });

    const found = compareTopups(db, [
      { refID: "TU-A", status: "failed" },
      { refID: "TU-A", status: "successed" },
      { refID: "TU-Z", status: "pending" },
    ]);
    expect(found.orphans).toEqual(["TU-Z"]);
    expect(found.duplicates).toEqual(["1:key-a"]);
    expect(found.disagreeing).toEqual(["TU-A: upstream failed, here succeeded"]);

    // Not final here: lost unless the reconciler will look again or a manager has it.
    expect(compareTopups(db, [{ refID: "TU-B", status: "successed" }]).disagreeing).toHaveLength(1);
    db.prepare("update topups set next_check_at = 1 where ref_id = 'TU-B'").run();
    expect(compareTopups(db, [{ refID: "TU-B", status: "successed" }])).toMatchObject({
      disagreeing: [],
      settling: 1,
    });
  });

  it("finds a withdrawal whose final outcome differs from the gateway's", () => {
    const db = setup();
    db.prepare(
      `insert into withdrawals (platform_order_id, merchant_order_id, bank, account_no, account_name, amount_satang, status, ordered_at)
       values ('W1', 'M1', 'KBANK', '1', 'N', 100, 'success', 0)`,
    ).run();
    const gateway = (status: string) => [{ platform_order_id: "W1", status }];
    expect(compareWithdrawals(db, gateway("success")).disagreeing).toEqual([]);
    expect(compareWithdrawals(db, gateway("failed")).disagreeing).toHaveLength(1);
    // The gateway's other word recorded as a conflict for a manager: never applied, not lost.
    db.prepare(
      "update withdrawals set needs_review = 'conflict' where platform_order_id = 'W1'",
    ).run();
    expect(compareWithdrawals(db, gateway("failed"))).toMatchObject({
      disagreeing: [],
      settling: 1,
    });
    expect(integrity(db)).toBe("ok");
  });

  it("tells flat memory from growth", () => {
    const flat = Array.from({ length: 30 }, (_, i) => ({ at: i * 1000, mb: 200 + (i % 3) }));
    expect(rssTrend(flat).growth).toBeLessThan(1.05);
    const growing = Array.from({ length: 30 }, (_, i) => ({ at: i * 1000, mb: 200 + i * 5 }));
    expect(rssTrend(growing).growth).toBeGreaterThan(1.3);
  });
});
