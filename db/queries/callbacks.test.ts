import { describe, expect, it } from "vitest";

import { tempDb } from "@/db/testing/temp-db";

import { listDroppedRefusals, REFUSED_BODIES_PER_MINUTE, storeRefusedCallback } from "./callbacks";

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
    const rows = db.$client.prepare("select count(*) as n from callbacks").get() as { n: number };
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
