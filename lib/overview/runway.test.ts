import { describe, expect, it } from "vitest";

import { nextRaised } from "./hysteresis";
import { overviewRange } from "./range";
import { runwayHours, spendRate } from "./runway";

const now = new Date("2026-11-23T10:00:00Z");
const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000);
/** The spend rate now of balance figures given as [satang, minutes ago]. */
const rateOf = (points: [number, number][]) =>
  spendRate(
    points.map(([satang, minutesAgo]) => ({ satang, at: at(minutesAgo) })),
    now,
  );

describe("the spend rate and runway", () => {
  it("divides what was spent by the time the figures cover", () => {
    // 3,000 baht spent evenly over three hours: 1,000 baht an hour; 5,000 left lasts 5 h.
    const rate = rateOf([
      [800_000, 180],
      [700_000, 120],
      [600_000, 60],
      [500_000, 0],
    ]);
    expect(rate).toEqual({ kind: "falling", spentSatang: 300_000, perHourSatang: 100_000 });
    expect(runwayHours(500_000, rate)).toBe(5);
  });

  it("says a flat balance is not falling", () => {
    const rate = rateOf([
      [500_000, 170],
      [500_000, 30],
    ]);
    expect(rate.kind).toBe("flat");
    expect(runwayHours(500_000, rate)).toBeNull();
  });

  it("says a rising balance (deposits only) is not falling", () => {
    const rate = rateOf([
      [100_000, 150],
      [900_000, 20],
    ]);
    expect(rate.kind).toBe("flat");
  });

  it("counts the spending on both sides of a deposit in the middle of the window", () => {
    // −1,000 baht, +10,000 deposit, −2,000 baht: 3,000 spent in 3 h, not a net rise.
    const rate = rateOf([
      [500_000, 180],
      [400_000, 120],
      [1_400_000, 90],
      [1_200_000, 0],
    ]);
    expect(rate).toEqual({ kind: "falling", spentSatang: 300_000, perHourSatang: 100_000 });
    expect(runwayHours(1_200_000, rate)).toBe(12);
  });

  it("anchors on the last figure before the window and ignores falls before it", () => {
    const rate = rateOf([
      [900_000, 600],
      [600_000, 400],
      [450_000, 60],
    ]);
    // Only 600k → 450k falls inside the window; the figures cover the whole 3 h.
    expect(rate).toEqual({ kind: "falling", spentSatang: 150_000, perHourSatang: 50_000 });
  });

  it("does not guess from one figure or from a few minutes", () => {
    expect(spendRate([{ satang: 1, at: at(30) }], now).kind).toBe("unknown");
    expect(
      rateOf([
        [10, 3],
        [5, 1],
      ]).kind,
    ).toBe("unknown");
  });
});

describe("warning hysteresis", () => {
  const below = { level: 20_000, gapPercent: 10, direction: "below" as const };
  const above = { level: 30, gapPercent: 10, direction: "above" as const };

  it("raises under the level and clears only past level plus the gap", () => {
    expect(nextRaised(false, 19_999, below)).toBe(true);
    expect(nextRaised(false, 20_000, below)).toBe(false);
    expect(nextRaised(true, 20_500, below)).toBe(true); // back over the level, inside the gap
    expect(nextRaised(true, 21_999, below)).toBe(true);
    expect(nextRaised(true, 22_000, below)).toBe(false);
  });

  it("does not flap when the figure wobbles around the level", () => {
    let raised = false;
    const seen: boolean[] = [];
    for (const value of [20_100, 19_900, 20_100, 19_900, 20_400, 19_950, 21_000]) {
      raised = nextRaised(raised, value, below);
      seen.push(raised);
    }
    expect(seen).toEqual([false, true, true, true, true, true, true]);
  });

  it("works the other way for silence, and keeps the state when the figure is unknown", () => {
    expect(nextRaised(false, 31, above)).toBe(true);
    expect(nextRaised(true, 28, above)).toBe(true);
    expect(nextRaised(true, 27, above)).toBe(false);
    expect(nextRaised(true, null, above)).toBe(true);
    expect(nextRaised(false, null, below)).toBe(false);
  });
});

describe("the overview's range", () => {
  const noon = new Date("2026-11-23T05:00:00Z"); // 12:00 in Bangkok

  it("is today by default, with yesterday before it", () => {
    const r = overviewRange(undefined, undefined, noon);
    expect(r).toMatchObject({ from: "2026-11-23", to: "2026-11-23", days: 1 });
    if ("problem" in r) throw new Error("unexpected");
    expect(r.start.toISOString()).toBe("2026-11-22T17:00:00.000Z");
    expect(r.previous).toMatchObject({ from: "2026-11-22", to: "2026-11-22" });
    // Today so far (12 hours begun) against yesterday until the same hour.
    expect(r.previous.end.toISOString()).toBe("2026-11-22T05:00:00.000Z");
  });

  it("compares a finished range with the whole span before", () => {
    const r = overviewRange("2026-11-20", "2026-11-21", noon);
    if ("problem" in r) throw new Error("unexpected");
    expect(r.previous.start.toISOString()).toBe("2026-11-17T17:00:00.000Z");
    expect(r.previous.end.toISOString()).toBe(r.start.toISOString());
  });

  it("compares seven days with the seven before them", () => {
    const r = overviewRange("2026-11-17", "2026-11-23", noon);
    expect(r).toMatchObject({ days: 7, previous: { from: "2026-11-10", to: "2026-11-16" } });
  });

  it("refuses malformed days, a reversed range and more than a quarter", () => {
    expect(overviewRange("2026-02-30", undefined, noon)).toEqual({ problem: "from" });
    expect(overviewRange("2026-11-23", "2026-11-01", noon)).toEqual({ problem: "order" });
    expect(overviewRange("2026-01-01", "2026-11-23", noon)).toEqual({ problem: "length" });
  });
});
