import { describe, expect, it } from "vitest";

import { maskAccountName, maskAccountNo } from "./mask";

describe("masking personal data", () => {
  it.each([
    ["1234567890", "xxx-x-x7890"],
    ["123-4-56789-0", "xxx-x-x7890"],
    ["12", "xx"],
  ])("account %s → %s", (input, masked) => {
    expect(maskAccountNo(input)).toBe(masked);
  });

  it.each([
    ["ลูกค้า ปลายทาง", "ลูกค้า ป."],
    ["สมหญิง รุ่งเรือง", "สมหญิง ร."],
    ["ณัฐวุฒิ  เก่งมาก", "ณัฐวุฒิ ก."],
    ["ปิยะนุช ใจดี", "ปิยะนุช จ."],
    ["John Smith", "John S."],
    ["Madonna", "Madonna"],
  ])("name %s → %s", (input, masked) => {
    expect(maskAccountName(input)).toBe(masked);
  });
});
