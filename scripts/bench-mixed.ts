import { cannon, p2wCallback, pacedSenders, type SignedCallback } from "./load";
import { percentile } from "./timing";

/**
 * Callbacks while the screens saturate the server (issue: money-moving requests keep their
 * latency): `readers` list readers at full speed, each request a random list filter, and at
 * the same time signed P2W callbacks at a steady pace — first on kept-alive connections,
 * then also each on a new connection, as an upstream without keep-alive sends them. Goals:
 * callback acknowledgement p99 ≤ 100 ms in both rounds, no answer over 1 s, and the lists
 * still served (p99 ≤ 1 s). The callbacks go where the upstreams send them: the callbacks'
 * own listener (CALLBACK_URL), as the demo and a reverse proxy route them.
 */
export async function mixedLoad(options: {
  base: string;
  /** Where the upstreams call back: the callbacks' own listener (CALLBACK_URL). */
  callbackBase: string;
  cookie: string;
  webhookSecret: string;
  listPath: () => string;
  readers?: number;
  seconds?: number;
}): Promise<{ lines: string[]; met: boolean }> {
  const { base, readers = 50, seconds = 10 } = options;
  let serial = 0;
  const next = (): SignedCallback => {
    const refId = `TU-MIXED-${process.pid}-${String(serial++).padStart(8, "0")}`;
    return p2wCallback(options.webhookSecret, {
      orderID: `P2W-M-${refId}`,
      refID: refId,
      status: "successed",
    });
  };
  const lines: string[] = [];
  let met = true;
  const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
  const rounds = [
    { name: "50/s kept-alive", senders: [{ senders: 50 }] },
    {
      name: "50/s kept-alive + 20/s new connections",
      senders: [{ senders: 50 }, { senders: 20, newConnections: true }],
    },
  ];
  for (const round of rounds) {
    // The readers start first and end last, so every callback meets a saturated server.
    const reading = cannon({
      url: base,
      connections: readers,
      duration: seconds + 2,
      timeout: 30,
      headers: { cookie: options.cookie },
      requests: [
        { method: "GET", setupRequest: (request) => ({ ...request, path: options.listPath() }) },
      ],
    });
    await new Promise((r) => setTimeout(r, 1_000));
    const tallies = await Promise.all(
      round.senders.map((s) => pacedSenders({ base: options.callbackBase, seconds, next, ...s })),
    );
    const { result, slow } = await reading;
    lines.push(`${round.name}, with ${readers} list readers at full speed:`);
    for (const [i, tally] of tallies.entries()) {
      const sorted = [...tally.ms].sort((a, b) => a - b);
      const p99 = percentile(sorted, 99);
      const max = sorted.at(-1) ?? 0;
      const refused = tally.count((status) => status !== "200");
      const ok = p99 <= 100 && max <= 1000 && refused === 0;
      met &&= ok;
      const kind = round.senders[i]?.newConnections ? "new connections" : "kept-alive";
      lines.push(
        `  callbacks (${kind.padEnd(15)}) ${sorted.length} sent  p50 ${percentile(sorted, 50).toFixed(0)} ms  p99 ${p99.toFixed(0)} ms  max ${max.toFixed(0)} ms  not 200: ${refused}  (goal p99 ≤ 100 ms, none over 1 s: ${verdict(ok)})`,
      );
    }
    const failed = result.non2xx + result.errors + result.timeouts;
    const listsOk = result.latency.p99 <= 1000 && failed === 0;
    met &&= listsOk;
    lines.push(
      `  lists                          ${(result.requests.total / result.duration).toFixed(0)}/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  max ${result.latency.max} ms  over 1 s: ${slow}  not 200: ${failed}  (goal p99 ≤ 1 s: ${verdict(listsOk)})`,
    );
  }
  return { lines, met };
}
