import { describe, expect, it } from "vitest";

import { readCoalescer } from "./coalesce";

describe("readCoalescer", () => {
  it("shares a read only with callers whose event came before the read started", async () => {
    let clock = 1_000;
    let loads = 0;
    const read = readCoalescer<number>();
    const load = async () => ++loads;
    const now = () => clock;

    const first = read("P2W1", 900, load, now);
    const burst = read("P2W1", 950, load, now);
    expect(await first).toBe(1);
    expect(await burst).toBe(1);

    // A callback received after that read started needs a read of its own.
    clock = 1_200;
    expect(await read("P2W1", 1_100, load, now)).toBe(2);
    // Another order never shares.
    expect(await read("P2W2", 0, load, now)).toBe(3);
    // A kept read goes stale after keepMs.
    clock = 20_000;
    expect(await read("P2W2", 0, load, now)).toBe(4);
  });

  it("does not keep a failed read", async () => {
    const read = readCoalescer<number>();
    let calls = 0;
    await expect(
      read("P2W1", 0, async () => {
        calls++;
        throw new Error("timeout");
      }),
    ).rejects.toThrow("timeout");
    expect(await read("P2W1", 0, async () => ++calls)).toBe(2);
  });
});
