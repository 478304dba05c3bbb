import { describe, expect, it } from "vitest";

import { checkSettings, DEFAULT_SETTINGS, SETTINGS, SETTING_KEYS } from "./definitions";

describe("settings", () => {
  it("has a default inside its own range for every setting", () => {
    for (const key of SETTING_KEYS) {
      const { min, max } = SETTINGS[key];
      expect(DEFAULT_SETTINGS[key]).toBeGreaterThanOrEqual(min);
      expect(DEFAULT_SETTINGS[key]).toBeLessThanOrEqual(max);
    }
  });

  it("accepts whole numbers in range, also typed as text", () => {
    expect(checkSettings({ stuckAfterHours: 6, claimTimeoutMinutes: " 45 " })).toEqual({
      values: { stuckAfterHours: 6, claimTimeoutMinutes: 45 },
      problems: [],
    });
  });

  it("names every field at fault, with its code and range", () => {
    const { values, problems } = checkSettings({
      stuckAfterHours: 0,
      reviewSlaHours: 1.5,
      lowBalanceBaht: "ten",
      claimTimeoutMinutes: 5,
      rogue: 1,
      __proto__: 3,
    });
    expect(values).toEqual({ claimTimeoutMinutes: 5 });
    expect(problems).toEqual([
      { field: "stuckAfterHours", code: "SETTING_RANGE", params: { min: 1, max: 168 } },
      { field: "reviewSlaHours", code: "SETTING_WHOLE_NUMBER" },
      { field: "lowBalanceBaht", code: "SETTING_WHOLE_NUMBER" },
      { field: "rogue", code: "SETTING_UNKNOWN" },
    ]);
  });

  it("refuses anything but an object", () => {
    for (const body of [null, [], 3, "x"])
      expect(checkSettings(body).problems).toEqual([{ field: "body", code: "SETTINGS_OBJECT" }]);
  });
});
