import { describe, expect, it } from "vitest";

import { numbered, redactUrl, runsAllowed } from "./connections";

describe("PostgreSQL's connection helpers", () => {
  it("numbers the tools' ? placeholders, leaving those inside quotes", () => {
    expect(numbered(`select ? , '?', "a?b", ?, 'it''s ?'`)).toBe(
      `select $1 , '?', "a?b", $2, 'it''s ?'`,
    );
  });

  it("never shows a URL's password", () => {
    expect(redactUrl("postgres://ops:s3cret@db:5432/ops")).toBe("postgres://ops:***@db:5432/ops");
    expect(redactUrl("postgres://ops@db/ops")).toBe("postgres://ops@db/ops");
    expect(redactUrl("not a url")).not.toContain("not a url");
  });

  it("runs a body again on a refusal, found through what caused the error", () => {
    const refused = (code: string) => Object.assign(new Error("driver"), { code });
    const wrapped = (code: string) => new Error("Failed query", { cause: refused(code) });
    expect(runsAllowed(wrapped("40001"))).toBe(30);
    expect(runsAllowed(refused("40P01"))).toBe(30);
    expect(runsAllowed(wrapped("23505"))).toBe(3);
    expect(runsAllowed(wrapped("23503"))).toBe(1);
    expect(runsAllowed(new Error("no code"))).toBe(1);
  });
});
