import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** Small helpers shared by both simulators. Deliberately independent of the dashboard's code. */

export async function readBody(req: IncomingMessage, limit = 256 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error("body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

export function hmacHex(key: string, message: string): string {
  return createHmac("sha256", key).update(message).digest("hex");
}

export function signatureMatches(expected: string, given: string | string[] | undefined): boolean {
  if (typeof given !== "string" || !/^[0-9a-f]{64}$/i.test(given)) return false;
  return timingSafeEqual(Buffer.from(expected, "hex"), Buffer.from(given.toLowerCase(), "hex"));
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;

/** `YYYY-MM-DD HH:mm:ss` in GMT+7, as the gateway writes times. */
export function bangkokText(instant: Date): string {
  return new Date(instant.getTime() + BANGKOK_OFFSET_MS)
    .toISOString()
    .slice(0, 19)
    .replace("T", " ");
}

export function log(quiet: boolean, name: string, message: string): void {
  if (!quiet) console.log(`[${name}] ${message}`);
}

/** `POST /__control/config`: numeric fields of the body replace the running settings. */
export function updateConfig<C extends Record<string, number>>(
  config: C,
  body: Record<string, unknown>,
): C {
  for (const key of Object.keys(config) as (keyof C)[]) {
    const value = body[key as string];
    if (typeof value === "number") config[key] = value as C[keyof C];
  }
  return config;
}

/** An HTTP server on the loopback address; a failure in the async handler goes to `onError`. */
export async function serve(
  port: number,
  handle: (req: IncomingMessage, res: ServerResponse, path: string) => Promise<void>,
  onError: (res: ServerResponse, error: Error) => void,
): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://sandbox").pathname;
    handle(req, res, path).catch((error: unknown) => onError(res, error as Error));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

/** Stops a sandbox server, cutting open (for example deliberately stalled) connections. */
export function shutdown(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
