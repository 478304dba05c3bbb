import fs from "node:fs";

import { chromium } from "@playwright/test";

import { launchOptions } from "../playwright.config";

/**
 * `npx tsx scripts/make-icons.ts`: draws public/icons/icon.svg at the sizes browsers and
 * phones ask for (PNG) and packs 16, 32 and 48 px into public/favicon.ico. Run it after
 * changing the SVG; the results are committed.
 */
const svg = fs.readFileSync("public/icons/icon.svg", "utf8");
const browser = await chromium.launch(launchOptions);
const page = await browser.newPage();

async function png(size: number): Promise<Buffer> {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  return page.locator("svg").screenshot({ omitBackground: true });
}

for (const [name, size] of [
  ["apple-touch-icon.png", 180],
  ["icon-192.png", 192],
  ["icon-512.png", 512],
] as const)
  fs.writeFileSync(`public/icons/${name}`, await png(size));

// An ICO file whose entries are PNG images (every current browser reads these).
const images = [];
for (const size of [16, 32, 48]) images.push({ size, data: await png(size) });
const header = Buffer.alloc(6 + 16 * images.length);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(images.length, 4);
let offset = header.length;
images.forEach(({ size, data }, i) => {
  const entry = 6 + 16 * i;
  header.writeUInt8(size, entry);
  header.writeUInt8(size, entry + 1);
  header.writeUInt16LE(1, entry + 4);
  header.writeUInt16LE(32, entry + 6);
  header.writeUInt32LE(data.length, entry + 8);
  header.writeUInt32LE(offset, entry + 12);
  offset += data.length;
});
fs.writeFileSync("public/favicon.ico", Buffer.concat([header, ...images.map((i) => i.data)]));
await browser.close();
