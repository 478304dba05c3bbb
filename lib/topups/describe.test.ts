import { describe, expect, it } from "vitest";

import { describeTopupInfo } from "./describe";

const fields = [
  { key: "gameid", label: { th: "ไอดีเกม", en: "Game ID" }, required: true },
  {
    key: "server",
    label: { th: "เซิร์ฟเวอร์", en: "Server" },
    required: true,
    options: [{ value: "2", label: { th: "เซิร์ฟเวอร์ 2 (Loki)", en: "Server 2 (Loki)" } }],
  },
];

describe("a top-up's fields in words", () => {
  it("labels each field and names a chosen option, in the person's language", () => {
    const info = { gameid: "player12345", server: "2" };
    expect(describeTopupInfo(info, fields, "en")).toEqual([
      { key: "gameid", label: "Game ID", value: "player12345" },
      { key: "server", label: "Server", value: "Server 2 (Loki)" },
    ]);
    expect(describeTopupInfo(info, fields, "th")[1]).toMatchObject({
      label: "เซิร์ฟเวอร์",
      value: "เซิร์ฟเวอร์ 2 (Loki)",
    });
  });

  it("keeps a field the package no longer lists, and an unknown option, as they are", () => {
    expect(describeTopupInfo({ zone: "9", server: "7" }, fields, "en")).toEqual([
      { key: "zone", label: "zone", value: "9" },
      { key: "server", label: "Server", value: "7" },
    ]);
    expect(describeTopupInfo({ a: "1" }, undefined, "en")).toEqual([
      { key: "a", label: "a", value: "1" },
    ]);
  });
});
