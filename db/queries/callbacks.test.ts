import { describe, expect, it } from "vitest";

import { rawQuery } from "@/db/raw";
import { tempDb } from "@/db/testing/temp-db";

import {
  insertCallback,
  listDroppedRefusals,
  type NewCallback,
  REFUSED_BODIES_PER_MINUTE,
  storeRefusedCallback,
} from "./callbacks";

const refused = (ip: string) => ({
  upstream: "payout" as const,
  ip,
  rawBody: "x".repeat(1_000),
  verification: "bad_signature",
  result: "rejected",
});

describe("refused callbacks under a flood", () => {
  it("bounds stored bodies per address, across addresses, and per minute", async () => {
    const db = tempDb();
    const at = new Date("2026-11-23T04:00:10Z");
    const { perAddress, total } = REFUSED_BODIES_PER_MINUTE;
    const addresses = Math.ceil(total / perAddress) + 2;
    const ids: (number | null)[] = [];
    for (let a = 0; a < addresses; a++)
      for (let i = 0; i < perAddress + 3; i++)
        ids.push(await storeRefusedCallback(db, refused(`198.51.100.${a}`), at));

    const kept = ids.filter((id) => id !== null).length;
    expect(kept).toBe(total);
    const rows = (await rawQuery(db, "select count(*) as n from callbacks"))[0] as { n: number };
    expect(rows.n).toBe(total);
    const dropped = await listDroppedRefusals(db, new Date("2026-11-23T03:59:00Z"));
    expect(dropped.reduce((sum, t) => sum + t.dropped, 0)).toBe(ids.length - total);
    expect(dropped.every((t) => t.ip !== "*")).toBe(true);

    // The next minute starts afresh.
    const later = new Date("2026-11-23T04:01:00Z");
    expect(await storeRefusedCallback(db, refused("198.51.100.0"), later)).toEqual(
      expect.any(Number),
    );
  });
});

describe("callback intake", () => {
  const received = (n: number): NewCallback => ({
    upstream: "p2w",
    ip: "127.0.0.1",
    rawBody: `{"n":${n}}`,
    verification: "ok",
    entityId: `TU-${n}`,
    result: "received",
  });

  it("commits callbacks of one turn together; each resolves with its own committed row", async () => {
    const db = tempDb();
    const ids = await Promise.all(
      Array.from({ length: 50 }, (_, n) => insertCallback(db, received(n))),
    );
    expect(new Set(ids).size).toBe(50);
    const rows = (await rawQuery(db, "select id, entity_id from callbacks order by id")) as {
      id: number;
      entity_id: string;
    }[];
    expect(rows.map((r) => [r.id, r.entity_id])).toEqual(ids.map((id, n) => [id, `TU-${n}`]));
  });

  it("one bad row does not cost the others their acknowledgement", async () => {
    const db = tempDb();
    const bad = { ...received(1), rawBody: null } as unknown as NewCallback;
    const results = await Promise.allSettled([
      insertCallback(db, received(0)),
      insertCallback(db, bad),
      insertCallback(db, received(2)),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const stored = (
      await rawQuery<Record<string, unknown>>(db, "select entity_id from callbacks order by id")
    ).map((r) => Object.values(r)[0]);
    expect(stored).toEqual(["TU-0", "TU-2"]);
  });
});
