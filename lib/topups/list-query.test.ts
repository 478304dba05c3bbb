import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors";

import { encodeCursor } from "@/lib/orders/list-params";

import { parseTopupQuery } from "./list-query";

const parse = (qs: string) => parseTopupQuery(new URLSearchParams(qs));

describe("parseTopupQuery", () => {
  it("turns Bangkok days into a half-open UTC range", () => {
    const { filter } = parse("from=2026-11-01&to=2026-11-02");
    expect(filter.from?.toISOString()).toBe("2026-10-31T17:00:00.000Z");
    expect(filter.to?.toISOString()).toBe("2026-11-02T17:00:00.000Z");
  });

  it("reads statuses, package, creator, text, sort and a cursor", () => {
    const cursor = encodeCursor({ t: 1_700_000_000_000, id: "TU-9" });
    const q = parse(
      `status=failed,unknown&packageId=P1&createdBy=3&q=%20abc%20&sort=created_asc&cursor=${cursor}&limit=20`,
    );
    expect(q.filter).toMatchObject({
      statuses: ["failed", "unknown"],
      packageId: "P1",
      createdBy: 3,
      q: "abc",
    });
    expect(q).toMatchObject({
      sort: "created_asc",
      cursor: { t: 1_700_000_000_000, id: "TU-9" },
      limit: 20,
    });
  });

  it("defaults to the newest 50 and ignores empty parameters", () => {
    expect(parse("status=&q=")).toMatchObject({
      sort: "created_desc",
      limit: 50,
      filter: { statuses: [] },
    });
  });

  it.each([
    "status=lost",
    "from=2026-13-01",
    "limit=1000",
    "cursor=%%%",
    "createdBy=abc",
    "sort=random",
  ])("refuses %s", (qs) => {
    expect(() => parse(qs)).toThrow(AppError);
  });
});
