import { bangkokDay } from "@/lib/format";

/**
 * CSV for Excel: UTF-8 with a byte-order mark (so Thai opens correctly), CRLF line ends,
 * RFC 4180 quoting, and cells that a spreadsheet would run as a formula defused with `'`.
 */
export const CSV_BOM = "\uFEFF";

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: (string | number | null | undefined)[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/** Streams rows page by page, so an export of any size holds one page in memory. */
export function csvStream(
  header: string[],
  pages: AsyncIterable<string[][]>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = pages[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(CSV_BOM + csvRow(header)));
        return;
      }
      const next = await iterator.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(next.value.map(csvRow).join("")));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** A CSV download of the filtered list: `{name}-{Bangkok day}.csv`, never cached. */
export function csvDownload(
  name: string,
  header: string[],
  pages: AsyncIterable<string[][]>,
): Response {
  return new Response(csvStream(header, pages), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}-${bangkokDay(new Date())}.csv"`,
      "cache-control": "no-store",
    },
  });
}

/** The list's filters from its query string, without the paging (an export has all rows). */
export function exportFilters(request: Request): URLSearchParams {
  const params = new URL(request.url).searchParams;
  params.delete("cursor");
  params.delete("limit");
  return params;
}
