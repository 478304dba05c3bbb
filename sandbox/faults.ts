import type { IncomingMessage, ServerResponse } from "node:http";

import { readBody, sendJson } from "./http";

/**
 * Fault injection shared by both simulators. A rule names an operation (or `*`), a kind,
 * how often it fires (`rate`, 0..1, default 1) and optionally how many more times (`times`).
 *
 * Request faults: `latency` (adds `ms`), `timeout` (never answers), `5xx`, `malformed`
 * (a 200 whose body is not JSON), `reset_after_commit` (create only: commit, then drop the
 * connection). Callback faults: `drop`, `duplicate`, `reorder` (held back until the next
 * callback has gone), `delay` (`ms`).
 */
export const FAULT_KINDS = [
  "latency",
  "timeout",
  "5xx",
  "malformed",
  "reset_after_commit",
  "drop",
  "duplicate",
  "reorder",
  "delay",
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export type FaultRule = { op: string; kind: FaultKind; rate?: number; times?: number; ms?: number };

export class Faults {
  #rules: FaultRule[] = [];

  constructor(initial: FaultRule[] = []) {
    this.set(initial);
  }

  set(rules: FaultRule[]): void {
    for (const rule of rules) {
      if (!FAULT_KINDS.includes(rule.kind))
        throw new Error(`unknown fault kind: ${String(rule.kind)}`);
    }
    this.#rules = rules.map((r) => ({ ...r }));
  }

  list(): FaultRule[] {
    return this.#rules.map((r) => ({ ...r }));
  }

  /** The rule of this kind that fires for this operation now, consuming one of its `times`. */
  take(op: string, kind: FaultKind): FaultRule | undefined {
    for (const rule of this.#rules) {
      if (rule.kind !== kind || (rule.op !== "*" && rule.op !== op)) continue;
      if (rule.times !== undefined && rule.times <= 0) continue;
      if (Math.random() >= (rule.rate ?? 1)) continue;
      if (rule.times !== undefined) rule.times -= 1;
      return rule;
    }
    return undefined;
  }

  /** `GET|POST|DELETE /__control/faults`: read, replace or clear the rules at run time. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === "POST") {
      try {
        const body = JSON.parse(await readBody(req)) as { rules?: FaultRule[] };
        this.set(body.rules ?? []);
      } catch (error) {
        sendJson(res, 400, { error: (error as Error).message });
        return;
      }
    } else if (req.method === "DELETE") {
      this.set([]);
    }
    sendJson(res, 200, { rules: this.list() });
  }
}

export function parseFaultsArg(text: string | undefined): FaultRule[] {
  if (!text) return [];
  const parsed = JSON.parse(text) as unknown;
  if (!Array.isArray(parsed)) throw new Error("faults must be a JSON array of rules");
  return parsed as FaultRule[];
}

/**
 * Applies the request faults that act before an answer: latency, then timeout (the request
 * is held open until the client gives up), 5xx and malformed. Returns true when it answered.
 */
export async function applyRequestFaults(
  faults: Faults,
  op: string,
  res: ServerResponse,
  serverError: () => unknown,
): Promise<boolean> {
  const latency = faults.take(op, "latency");
  if (latency) await new Promise((r) => setTimeout(r, latency.ms ?? 1000));
  if (faults.take(op, "timeout")) {
    // Hold the socket open and never answer; closing the server ends it.
    return true;
  }
  if (faults.take(op, "5xx")) {
    sendJson(res, 500, serverError());
    return true;
  }
  if (faults.take(op, "malformed")) {
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"success":tru,"data":{"orderID":');
    return true;
  }
  return false;
}
