import { randomInt } from "node:crypto";

/** Realistic withdrawal data for the payout simulator: Thai banks, names and amounts. */
export const BANKS = ["KBANK", "SCB", "BBL", "KTB", "BAY", "TTB", "GSB", "BAAC"] as const;

const FIRST = [
  "สมชาย",
  "สมหญิง",
  "วิชัย",
  "ศิริพร",
  "ประเสริฐ",
  "กาญจนา",
  "ธนพล",
  "พิมพ์ชนก",
  "อนุชา",
  "สุดารัตน์",
  "ณัฐวุฒิ",
  "ปิยะนุช",
];
const LAST = [
  "ใจดี",
  "รุ่งเรือง",
  "ศรีสุข",
  "แก้วมณี",
  "บุญมา",
  "ทองคำ",
  "วงศ์สวัสดิ์",
  "พานิชย์",
  "สายบุญ",
  "มั่นคง",
];

const ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

export function randomAlnum(length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += ALNUM[randomInt(ALNUM.length)];
  return out;
}

function pick<T>(items: readonly T[]): T {
  return items[randomInt(items.length)] as T;
}

/** `<3 chars>W<YYYYMMDD><12 chars>`, dated by the Bangkok day of the instant. */
export function platformOrderId(prefix: string, at: Date): string {
  const day = new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10).replaceAll("-", "");
  return `${prefix}W${day}${randomAlnum(12)}`;
}

export function accountNo(): string {
  let out = "";
  for (let i = 0; i < 10; i++) out += String(randomInt(10));
  return out;
}

export function accountName(): string {
  return `${pick(FIRST)} ${pick(LAST)}`;
}

export function bank(): string {
  return pick(BANKS);
}

/** Mostly small amounts, some large; always whole satang, sometimes whole baht. */
export function amountSatang(): number {
  const baht = randomInt(100) < 80 ? randomInt(100, 5_000) : randomInt(5_000, 50_000);
  return baht * 100 + (randomInt(3) === 0 ? 0 : randomInt(100));
}
