import http from "node:http";

/**
 * A small load balancer for the scripts that run several instances (the soak): round robin
 * over the instances' ports on 127.0.0.1, as an operator's balancer in front of them would
 * be. No sticky sessions: any instance serves any request. It sets `X-Forwarded-For` (the
 * instances trust it through `TRUSTED_PROXIES=1`).
 *
 * A request whose connection is refused (that instance is down) is sent to the next one —
 * nothing of it reached the dead one, so this is safe for a POST as well, as nginx's
 * `proxy_next_upstream error` is. An instance found refusing is passed over until its
 * health answers again (checked every second). A request cut off mid-answer (its instance
 * was killed while working on it) is answered 502: the caller does not know whether it took
 * effect, exactly as behind a real balancer, and retries with its idempotency key.
 */
export class Balancer {
  readonly #up: boolean[];
  readonly #agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  #next = 0;
  #server: http.Server | null = null;
  #probe: NodeJS.Timeout | null = null;

  constructor(
    private readonly ports: readonly number[],
    /** The URL that answers 200 while the instance behind `ports[i]` is healthy. */
    private readonly healthUrl: (i: number) => string,
  ) {
    this.#up = ports.map(() => true);
  }

  /** Starts listening on `port`, and probing the instances that are down. */
  listen(port: number): Promise<void> {
    this.#server = http.createServer((req, res) => void this.#forward(req, res));
    this.#server.keepAliveTimeout = 5_000;
    this.#probe = setInterval(() => void this.#checkDown(), 1000);
    this.#probe.unref();
    // Every interface: the upstreams are given `localhost`, which may be `::1`.
    return new Promise((resolve) => this.#server?.listen(port, resolve));
  }

  close(): void {
    if (this.#probe) clearInterval(this.#probe);
    this.#server?.closeAllConnections();
    this.#server?.close();
    this.#agent.destroy();
  }

  async #forward(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    for (let tried = 0; tried < this.ports.length; tried++) {
      const target = this.#pick();
      if (target === null) break;
      const outcome = await this.#send(target, req, body, res);
      if (outcome === "refused") this.#up[target] = false;
      else return;
    }
    if (!res.headersSent) {
      res.writeHead(503, { "content-type": "application/json", "x-balancer": "no-instance" });
      res.end(JSON.stringify({ error: { code: "no_instance_up" } }));
    }
  }

  #pick(): number | null {
    for (let i = 0; i < this.ports.length; i++) {
      const candidate = (this.#next + i) % this.ports.length;
      if (this.#up[candidate]) {
        this.#next = candidate + 1;
        return candidate;
      }
    }
    return null;
  }

  #send(
    target: number,
    req: http.IncomingMessage,
    body: Buffer,
    res: http.ServerResponse,
  ): Promise<"answered" | "refused" | "cut off"> {
    return new Promise((resolve) => {
      const forwardedFor = [req.headers["x-forwarded-for"], req.socket.remoteAddress]
        .filter(Boolean)
        .join(", ");
      const upstream = http.request(
        {
          host: "127.0.0.1",
          port: this.ports[target],
          method: req.method,
          path: req.url,
          headers: { ...req.headers, "x-forwarded-for": forwardedFor },
          agent: this.#agent,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          answer.on("end", () => resolve("answered"));
          answer.on("error", () => {
            res.destroy();
            resolve("cut off");
          });
        },
      );
      upstream.on("error", (error: NodeJS.ErrnoException) => {
        if (error.code === "ECONNREFUSED") return resolve("refused");
        if (!res.headersSent) {
          res.writeHead(502, { "content-type": "application/json", "x-balancer": "cut-off" });
          res.end(JSON.stringify({ error: { code: "instance_cut_off" } }));
        } else res.destroy();
        resolve("cut off");
      });
      upstream.end(body);
    });
  }

  async #checkDown(): Promise<void> {
    await Promise.all(
      this.ports.map(async (_port, i) => {
        if (this.#up[i]) return;
        try {
          const res = await fetch(this.healthUrl(i), {
            signal: AbortSignal.timeout(900),
          });
          this.#up[i] = res.ok;
        } catch {
          // still down
        }
      }),
    );
  }
}
