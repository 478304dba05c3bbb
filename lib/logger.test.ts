import { afterEach, describe, expect, it } from "vitest";

import { getEnv } from "@/lib/env";

import { logger, setLogSink } from "./logger";

describe("logger", () => {
  afterEach(() => setLogSink(null));

  it("writes one JSON line a call with its level, and never a configured secret's value", () => {
    const lines: [string, string][] = [];
    setLogSink((level, line) => lines.push([level, line]));
    const secret = getEnv().P2W_SECRET;
    logger.error("upstream said no", { detail: `body held ${secret}`, nested: { secret } });
    expect(lines).toHaveLength(1);
    const [level, line] = lines[0]!;
    expect(level).toBe("error");
    expect(line).not.toContain(secret);
    expect(JSON.parse(line)).toMatchObject({
      level: "error",
      message: "upstream said no",
      detail: "body held [redacted]",
      nested: { secret: "[redacted]" },
    });
  });
});
