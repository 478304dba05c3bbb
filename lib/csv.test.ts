import { describe, expect, it } from "vitest";

import { csvCell, csvRow, csvStream } from "./csv";

describe("csv", () => {
  it("quotes what needs quoting and defuses formulas", () => {
    expect(csvCell('say "hi", ok')).toBe('"say ""hi"", ok"');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("-5")).toBe("'-5");
    expect(csvCell("สมชาย ใจดี")).toBe("สมชาย ใจดี");
    expect(csvCell(null)).toBe("");
    expect(csvRow(["a", 1, null])).toBe("a,1,\r\n");
  });

  it("streams a BOM, the header and every page", async () => {
    async function* pages() {
      yield [["1", "ก"]];
      yield [["2", "ข"]];
    }
    const bytes = await new Response(csvStream(["id", "name"], pages())).arrayBuffer();
    // Decoding with ignoreBOM keeps the mark: Response.text() would strip it.
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text).toBe("\uFEFFid,name\r\n1,ก\r\n2,ข\r\n");
  });
});
