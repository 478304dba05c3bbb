import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

import { AppError } from "@/lib/errors";
import { errorBody, localeOf } from "@/lib/i18n/translate";
import { logger } from "@/lib/logger";
import { PEER_HEADER } from "@/lib/request-ip";
import { UPSTREAMS, type UpstreamName } from "@/lib/upstream/names";

import { type CallbackIntake, MAX_CALLBACK_BYTES, webhookHandler } from "./webhook";

const PATH = /^\/api\/webhooks\/([a-z0-9]+)(?:\?|$)/;

/**
 * The callbacks' own listener, run in the callback thread: `POST /api/webhooks/{p2w,payout}`
 * through the same handler as the dashboard's routes (verify, store, answer once durable),
 * on an event loop that pages and lists never fill, so a callback is acknowledged in
 * milliseconds however busy the screens are. The reverse proxy sends `/api/webhooks/*`
 * here (docs/operations.md); the dashboard's own port keeps answering them too.
 */
export function listenForCallbacks(
  port: number,
  intake: CallbackIntake,
  host?: string,
): { close(): Promise<void> } {
  const handler = callbackRequestHandler(intake);
  const server = createServer(handler);
  // Idle keep-alive sockets outlive a typical proxy's (60 s), as the dashboard's do.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.on("error", (error) =>
    logger.error("callback listener could not listen", { error, port }),
  );
  server.listen(port, host, () => logger.info("callback listener ready", { port }));
  return {
    /** Takes no more connections and resolves once the callbacks in flight are answered. */
    close: () => {
      server.close();
      server.closeIdleConnections();
      return handler.close();
    },
  };
}

/** Node's request handler for the callbacks, with a way to stop taking them. */
export type CallbackRequestHandler = ((req: IncomingMessage, res: ServerResponse) => void) & {
  /**
   * From now on every callback is refused with 503 `SHUTTING_DOWN` (the upstream sends it
   * again, to an instance that runs); resolves once each one taken before is answered, that is
   * stored or refused. Every answer from then on closes its connection.
   */
  close(): Promise<void>;
};

/**
 * Node's request handler for `POST /api/webhooks/{p2w,payout}`: the callbacks' own listener
 * (above), and the dashboard's port in production, where scripts/serve.mjs hands callbacks
 * to it before Next.js's router (lib/server-start.ts registers it): the webhook routes'
 * handler without the framework's work per request.
 */
export function callbackRequestHandler(intake: CallbackIntake): CallbackRequestHandler {
  const handlers = Object.fromEntries(
    UPSTREAMS.map((upstream) => [upstream, webhookHandler(upstream, () => intake)]),
  ) as Record<UpstreamName, (request: Request) => Promise<Response>>;
  const state = { closing: false, inFlight: 0, idle: [] as (() => void)[] };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    state.inFlight++;
    answer(req, res, handlers, state)
      .catch((error: unknown) => {
        logger.error("callback intake failed", { error });
        if (!res.headersSent) {
          res.writeHead(500, { "content-type": "application/json" });
          res.end(JSON.stringify(errorBody(new AppError("INTERNAL", 500), "en")));
        }
      })
      .finally(() => {
        state.inFlight--;
        if (state.inFlight === 0) for (const resolve of state.idle.splice(0)) resolve();
      });
  };
  return Object.assign(handle, {
    close: () => {
      state.closing = true;
      if (state.inFlight === 0) return Promise.resolve();
      return new Promise<void>((resolve) => state.idle.push(resolve));
    },
  });
}

async function answer(
  req: IncomingMessage,
  res: ServerResponse,
  handlers: Record<UpstreamName, (request: Request) => Promise<Response>>,
  state: { closing: boolean },
): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers))
    if (typeof value === "string") headers.set(name, value);
  // The socket's address, over whatever a client sent under this name (as scripts/serve.mjs).
  headers.set(PEER_HEADER, req.socket.remoteAddress ?? "");
  const url = `http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`;
  const upstream = PATH.exec(req.url ?? "")?.[1];
  const handler = upstream ? handlers[upstream as UpstreamName] : undefined;
  if (!handler || req.method !== "POST" || state.closing) {
    req.resume();
    const error = !handler
      ? new AppError("NOT_FOUND", 404)
      : req.method !== "POST"
        ? new AppError("METHOD_NOT_ALLOWED", 405, { allow: "POST" })
        : new AppError("SHUTTING_DOWN", 503);
    const asked = new Request(url, { headers });
    const body = errorBody(error, localeOf(asked));
    // A refused callback, in the webhook's refusal shape (the gateway reads `success`).
    const refused = Response.json(error.status === 503 ? { success: false, ...body } : body, {
      status: error.status,
    });
    if (error.status === 405) refused.headers.set("allow", "POST");
    if (error.status === 503) refused.headers.set("retry-after", "5");
    return send(res, refused, state);
  }
  const body = await readBounded(req, MAX_CALLBACK_BYTES + 1);
  await send(
    res,
    await handler(new Request(url, { method: "POST", headers, body: new Uint8Array(body) })),
    state,
  );
}

/**
 * The body, or its first `limit` bytes (the handler refuses one that long with 413). The rest
 * of a longer one is read and dropped, so the answer reaches the sender on the same socket.
 */
async function readBounded(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    if (size < limit) chunks.push(chunk);
    size += chunk.length;
  }
  return Buffer.concat(chunks).subarray(0, limit);
}

async function send(
  res: ServerResponse,
  response: Response,
  state: { closing: boolean },
): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  // A closing listener ends each connection with its answer: the sender's next callback
  // opens a new one, to an instance that takes it.
  if (state.closing) res.setHeader("connection", "close");
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(body);
}
