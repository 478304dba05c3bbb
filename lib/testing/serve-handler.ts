import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Serves a route handler (`(Request) => Response`, as Next calls it) over real HTTP on a free
 * port, so tests post to the route's own code rather than to a copy of it.
 */
export async function serveHandler(handler: (request: Request) => Promise<Response>) {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        for (const v of [value].flat()) if (v !== undefined) headers.append(name, v);
      }
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
      void handler(
        new Request(`http://127.0.0.1${req.url ?? "/"}`, { method: req.method, headers, body }),
      )
        .then(async (response) => {
          res.writeHead(response.status, Object.fromEntries(response.headers));
          res.end(Buffer.from(await response.arrayBuffer()));
        })
        .catch(() => res.writeHead(500).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
