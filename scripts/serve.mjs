// The production server (`npm start`): the built dashboard behind Node's own HTTP server.
//
// `next start` cannot tell the dashboard who is on the other end of the socket: it only
// fills X-Forwarded-For when the client did not send one, so a client could name any
// address it liked. This server writes the socket's address into its own header on every
// request (replacing whatever a client sent under that name), and `lib/request-ip.ts` walks
// X-Forwarded-For from there, believing only the proxies that TRUSTED_PROXIES names.
//
// Usage: node scripts/serve.mjs [-p PORT] [-H HOST]   (PORT and HOSTNAME work too)
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { parseArgs } from "node:util";

/** Must match PEER_HEADER in lib/request-ip.ts. */
const PEER_HEADER = "x-dashboard-peer";

process.env.NODE_ENV ??= "production";

const { values } = parseArgs({
  options: {
    port: { type: "string", short: "p" },
    hostname: { type: "string", short: "H" },
  },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOSTNAME ?? undefined;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`serve: invalid port ${values.port ?? process.env.PORT}`);
  process.exit(2);
}

// The configuration the build wrote, as Next.js's own standalone server reads it: without
// it, Next.js compiles next.config.ts at start, and that loads two SWC compilers (the
// framework's and the one next-intl's plugin requires), about 40 MB of native code resident
// in a server that compiles nothing. `.env` files are still read (the server does that).
const dir = process.cwd();
let built;
try {
  built = JSON.parse(readFileSync(join(dir, ".next", "required-server-files.json"), "utf8"));
} catch {
  console.error("serve: no production build here; run `npm run build` first");
  process.exit(2);
}
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG ??= JSON.stringify(built.config);

const { default: next } = await import("next");
const app = next({ dev: false, dir, port, hostname });
const handle = app.getRequestHandler();
await app.prepare();

// One request is started per turn of the event loop. libuv accepts one new connection per
// turn, and a turn runs every request whose bytes arrived: at 100 busy connections a turn
// took tens of milliseconds, so a burst of new connections (a gateway opens one per
// callback) waited seconds in the kernel's accept queue, on every route alike. Started one
// per turn, requests keep their order and the same throughput, and accepting, socket reads
// and upstream replies get a turn between any two of them.
const waiting = [];
let turnScheduled = false;
function startNext() {
  turnScheduled = false;
  const next = waiting.shift();
  if (waiting.length > 0) scheduleTurn();
  if (next) void handle(next.req, next.res);
}
function scheduleTurn() {
  if (turnScheduled) return;
  turnScheduled = true;
  setImmediate(startNext);
}

// Money first: the upstreams' callbacks are started the moment they are read, ahead of every
// page and list waiting for its turn. Under a full queue of screens a callback otherwise
// waited one turn per request ahead of it (p99 ~230 ms at 50 readers), and an upstream that
// times out retries, adding load. Only their verify-and-store is on this loop: the callback
// thread commits and processes them (lib/callbacks/callback-thread.ts). A POST goes to the
// webhook handler the server registered at start-up (lib/server-start.ts), as on the
// callbacks' own port, not through Next.js's router: the framework's work per request
// cost intake a quarter of its rate at 100 senders. Until it is registered, and for any
// other method, Next.js's routes answer.
const CALLBACK_PATH = "/api/webhooks/";
const CALLBACK_REQUESTS = Symbol.for("dashboard.callbackRequests");

const server = createServer((req, res) => {
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  // Stopping: the connection ends with this answer (see shutdown below).
  if (closing) res.setHeader("connection", "close");
  if (req.url?.startsWith(CALLBACK_PATH)) {
    const direct = req.method === "POST" ? globalThis[CALLBACK_REQUESTS] : undefined;
    if (direct) direct(req, res);
    else void handle(req, res);
    return;
  }
  waiting.push({ req, res });
  scheduleTurn();
});
// Idle keep-alive sockets are kept a little longer than a typical proxy's (60 s), so the
// proxy never writes a request into a socket this server is closing.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

server.listen(port, hostname, () => {
  console.log(`> Dashboard listening on http://${hostname ?? "localhost"}:${port}`);
});

// A clean stop (SIGTERM, SIGINT): no new connections, and every answer from now on closes
// its connection; callbacks are refused 503 (the upstream sends them again, to an instance
// that runs) while the requests in flight finish. Then the server's stop (lib/server-start.ts):
// every callback this process acknowledged is processed, the reconciler's lease and the
// callback worker's are handed back. It exits 0 when all that is done; 1 if it took longer
// than STOP_BUDGET_MS (what was cut off is safe in the database, for whichever process runs
// next, but the stop was not clean).
const STOP = Symbol.for("dashboard.stop");
const STOP_BUDGET_MS = 10_000;
let closing = false;
async function shutdown(signal) {
  if (closing) return;
  closing = true;
  console.log(`> ${signal}: no new connections; finishing requests in flight and callbacks taken`);
  setTimeout(() => {
    console.error(`> not stopped within ${STOP_BUDGET_MS / 1000} s; exiting`);
    process.exit(1);
  }, STOP_BUDGET_MS).unref();
  const closed = new Promise((resolve) => server.close(resolve));
  server.closeIdleConnections();
  try {
    await globalThis[STOP]?.();
  } catch (error) {
    console.error("> the server's stop failed", error);
  }
  server.closeIdleConnections();
  await closed;
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
