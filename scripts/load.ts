import { createHmac } from "node:crypto";
import fs from "node:fs";
import http from "node:http";

import type autocannon from "autocannon";

import { payoutSignature } from "@/lib/payout/signing";

import { percentile } from "./timing";

/**
 * What the load scripts (benchmarks, the soak) share: signing in as a person, signing
 * callbacks the way each upstream signs them, a process's memory, latency figures.
 */

/** Signs in through next-auth's credentials flow; returns the session cookie. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = (csrfRes.headers.getSetCookie() ?? []).map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
    body: new URLSearchParams({ email, password, csrfToken, json: "true" }),
    redirect: "manual",
  });
  const session = (res.headers.getSetCookie() ?? [])
    .map((c) => c.split(";")[0])
    .find((c) => c?.includes("session-token"));
  if (!session) throw new Error(`sign-in of ${email} failed (${res.status})`);
  return session;
}

export type SignedCallback = { path: string; body: string; headers: Record<string, string> };

/** A P2W callback as the vendor sends it: the token in the URL is HMAC(secret, refID). */
export function p2wCallback(
  webhookSecret: string,
  order: { orderID: string; refID: string; status: string; reason?: string; balance?: number },
): SignedCallback {
  const token = createHmac("sha256", webhookSecret).update(order.refID).digest("hex");
  const body = JSON.stringify({
    orderID: order.orderID,
    refID: order.refID,
    status: order.status,
    balance: order.balance ?? 1000,
    reason: order.reason ?? "",
  });
  return { path: `/api/webhooks/p2w?token=${token}`, body, headers: {} };
}

/** A gateway callback: the withdrawal as the gateway shows it, signed over the body's bytes. */
export function payoutCallback(
  secret: string,
  merchantId: string,
  wire: Record<string, unknown>,
): SignedCallback {
  const body = JSON.stringify({
    ...wire,
    merchant_id: merchantId,
    time: Math.floor(Date.now() / 1000),
  });
  return {
    path: "/api/webhooks/payout",
    body,
    headers: { "x-signature": payoutSignature(secret, body) },
  };
}

/**
 * `count` withdrawals made and paid at the gateway simulator, with its own callbacks held
 * back (the caller sends them, as fast as it likes): their wire form, ready to be signed.
 */
export async function paidWithdrawals(
  payoutUrl: string,
  count: number,
): Promise<Record<string, unknown>[]> {
  const control = (p: string, body: unknown) =>
    fetch(`${payoutUrl}/__control/${p}`, { method: "POST", body: JSON.stringify(body) }).then(
      (r) =>
        r.json() as Promise<{
          withdrawal: Record<string, unknown> & { platform_order_id: string };
        }>,
    );
  await control("faults", { rules: [{ op: "callback", kind: "drop" }] });
  await control("config", { completeAfterMs: 3_600_000 });
  const wires: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i += 50) {
    const made = await Promise.all(
      Array.from({ length: Math.min(50, count - i) }, async () => {
        const { withdrawal } = await control("withdrawals", {});
        const id = withdrawal.platform_order_id;
        return (await control(`withdrawals/${id}/complete`, { status: "success" })).withdrawal;
      }),
    );
    wires.push(...made);
  }
  return wires;
}

/** A process's resident memory in MB (Linux), 0 once it is gone. */
export function rssMb(pid: number | undefined): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return Number(kb ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** Latencies of one kind of request, and how its answers went. */
export class Tally {
  readonly ms: number[] = [];
  readonly statuses = new Map<string, number>();

  add(status: number | string, ms: number): void {
    this.ms.push(ms);
    const key = String(status);
    this.statuses.set(key, (this.statuses.get(key) ?? 0) + 1);
  }

  count(predicate: (status: string) => boolean): number {
    let n = 0;
    for (const [status, c] of this.statuses) if (predicate(status)) n += c;
    return n;
  }

  summary(): { n: number; p50: number; p95: number; max: number; statuses: string } {
    const sorted = [...this.ms].sort((a, b) => a - b);
    return {
      n: sorted.length,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      max: sorted.at(-1) ?? 0,
      statuses: [...this.statuses]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([s, c]) => `${s}×${c}`)
        .join(" "),
    };
  }
}

/**
 * `senders` independent senders, each on its own kept-alive connection (or, `newConnections`,
 * a new connection for every request, as an upstream without keep-alive sends) sending one
 * request a second at its own moment of the second (a random phase, as unrelated gateways
 * would), for `seconds`. A load tool's "overall rate" starts every connection on the same
 * tick, so its 100 a second arrive as one burst of 100 each second — a different load.
 */
export async function pacedSenders(options: {
  base: string;
  senders: number;
  seconds: number;
  next: () => SignedCallback;
  newConnections?: boolean;
}): Promise<Tally> {
  const tally = new Tally();
  const start = performance.now() + 200;
  const sender = async () => {
    const agent = new http.Agent({ keepAlive: !options.newConnections, maxSockets: 1 });
    const phase = Math.random() * 1000;
    for (let i = 0; i < options.seconds; i++) {
      const due = start + phase + i * 1000;
      await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
      const { path, body, headers } = options.next();
      const t0 = performance.now();
      const status = await new Promise<number | string>((resolve) => {
        const request = http.request(
          `${options.base}${path}`,
          {
            method: "POST",
            agent,
            headers: {
              "content-type": "application/json",
              ...headers,
              "content-length": Buffer.byteLength(body),
            },
          },
          (response) => {
            response.resume();
            response.on("end", () => resolve(response.statusCode ?? 0));
          },
        );
        request.on("error", (error) => resolve(error.message));
        request.end(body);
      });
      tally.add(status, performance.now() - t0);
    }
    agent.destroy();
  };
  await Promise.all(Array.from({ length: options.senders }, sender));
  return tally;
}

/** One autocannon run, with how many of its answers took over a second. */
export async function cannon(
  options: autocannon.Options,
): Promise<{ result: autocannon.Result; slow: number }> {
  // Loaded here: the other scripts using this file (the soak, sign-in) do not need it.
  const { default: start } = await import("autocannon");
  let slow = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = start(options, (error, done) => (error ? reject(error) : resolve(done)));
    run.on("response", (_client, _status, _bytes, ms) => {
      if (ms > 1000) slow++;
    });
  });
  return { result, slow };
}
