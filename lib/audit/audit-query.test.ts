import { describe, expect, it } from "vitest";

import { auditHref, parseAuditQuery, searchParamsOf } from "./audit-query";

describe("the audit log's query string", () => {
  it("reads a repeated key once, as the lists do (its last value)", () => {
    const params = searchParamsOf({
      status: ["a", "b"],
      from: ["1", "2026-12-01"],
      cursor: ["x", "y"],
      action: ["nope", "access.denied"],
    });
    const query = parseAuditQuery(params);
    expect(query.filter.action).toBe("access.denied");
    expect(query.filter.from?.toISOString()).toBe("2026-11-30T17:00:00.000Z");
    expect(query.bad).toEqual([]);
  });

  it("names a day that is not a date and keeps the rest of the filter", () => {
    const query = parseAuditQuery(new URLSearchParams("from=yesterday&target=TU-1&actor=7"));
    expect(query.bad).toEqual(["from"]);
    expect(query.filter).toMatchObject({ targetId: "TU-1", actorId: 7, from: undefined });
  });

  it("runs 'to' through the end of its Bangkok day and ignores what is not a filter", () => {
    const query = parseAuditQuery(new URLSearchParams("to=2026-12-01&actor=abc&before=0"));
    expect(query.filter.to?.toISOString()).toBe("2026-12-01T17:00:00.000Z");
    expect(query.filter.actorId).toBeUndefined();
    expect(query.beforeId).toBeUndefined();
    expect(auditHref(query.values, { before: "5" })).toBe(
      "/audit?actor=abc&to=2026-12-01&before=5",
    );
  });
});
