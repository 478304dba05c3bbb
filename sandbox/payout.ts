import type { IncomingMessage, ServerResponse } from "node:http";

import { CallbackDispatcher, DEFAULT_RETRY_DELAYS_MS } from "./callbacks";
import { applyRequestFaults, type FaultRule, Faults } from "./faults";
import {
  bangkokText,
  hmacHex,
  log,
  parseJson,
  readBody,
  sendJson,
  serve,
  shutdown,
  signatureMatches,
  updateConfig,
} from "./http";
import { accountName, accountNo, amountSatang, bank, platformOrderId } from "./payout-fixtures";

/**
 * A stateful simulator of the payment gateway (docs/upstreams.md, gateway): withdrawals that appear and
 * complete over time, `/withdraw/query` with signature, token, time-window and id-format
 * checks, and signed callbacks to the dashboard's payout webhook.
 */
export type PayoutSandboxOptions = {
  port?: number;
  merchantId: string;
  token: string;
  secret: string;
  /** Where callbacks go: the dashboard's `/api/webhooks/payout`. Empty: no callbacks. */
  webhookUrl: string;
  /** Withdrawals present at start (mixed states over the last ten days). */
  seedCount?: number;
  /** A new withdrawal every this many ms; 0 turns the generator off. */
  newEveryMs?: number;
  completeAfterMs?: number;
  failureRate?: number;
  faults?: FaultRule[];
  callbackRetryDelaysMs?: number[];
  quiet?: boolean;
  /** Withdrawals it holds from the start (instead of made-up ones: `seedCount` 0). */
  known?: SandboxWithdrawal[];
};

type Status = "open" | "success" | "failed";

export type SandboxWithdrawal = {
  platformOrderId: string;
  merchantOrderId: string;
  merchantId: string;
  bank: string;
  accountNo: string;
  accountName: string;
  amountSatang: number;
  status: Status;
  orderedAt: Date;
  doneAt: Date | null;
};

const ID_FORMAT = /^[A-Za-z0-9]{3}W\d{8}[A-Za-z0-9]{12}$/;
const NAME = "payout-sandbox";
const TIME_WINDOW_S = 300;

export async function startPayoutSandbox(options: PayoutSandboxOptions) {
  const quiet = options.quiet ?? false;
  const config = {
    completeAfterMs: options.completeAfterMs ?? 8_000,
    failureRate: options.failureRate ?? 0.1,
  };
  const faults = new Faults(options.faults);
  const callbacks = new CallbackDispatcher(NAME, faults, {
    retryDelaysMs: options.callbackRetryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
    quiet,
  });
  const withdrawals = new Map<string, SandboxWithdrawal>();
  const timers = new Set<NodeJS.Timeout>();
  let merchantSequence = 0;

  const wire = (w: SandboxWithdrawal) => ({
    platform_order_id: w.platformOrderId,
    merchant_order_id: w.merchantOrderId,
    order_datetime: bangkokText(w.orderedAt),
    bank: w.bank,
    account_no: w.accountNo,
    account_name: w.accountName,
    amount: w.amountSatang / 100,
    status: w.status,
    done_datetime: w.doneAt ? bangkokText(w.doneAt) : null,
  });

  function later(fn: () => void, ms: number) {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  }

  /** The signed callback the gateway sends about a withdrawal as it now is. */
  function callbackOf(w: SandboxWithdrawal, at = new Date()) {
    const body = JSON.stringify({
      merchant_id: w.merchantId,
      time: Math.floor(at.getTime() / 1000),
      ...wire(w),
    });
    return {
      url: options.webhookUrl,
      label: `${w.platformOrderId}:${w.status}`,
      headers: { "x-signature": hmacHex(options.secret, body) },
      body,
    };
  }

  function notify(w: SandboxWithdrawal) {
    if (!options.webhookUrl || w.merchantId !== options.merchantId) return;
    callbacks.send(callbackOf(w));
  }

  function complete(w: SandboxWithdrawal, status: "success" | "failed") {
    if (w.status !== "open") return;
    w.status = status;
    w.doneAt = new Date();
    log(quiet, NAME, `withdrawal ${w.platformOrderId} → ${status}`);
    notify(w);
  }

  function create(fields: Partial<SandboxWithdrawal> = {}, announce = true): SandboxWithdrawal {
    const orderedAt = fields.orderedAt ?? new Date();
    merchantSequence += 1;
    const w: SandboxWithdrawal = {
      platformOrderId: fields.platformOrderId ?? platformOrderId("SBX", orderedAt),
      merchantOrderId:
        fields.merchantOrderId ??
        `PAYOUT-${orderedAt.getUTCFullYear()}-${String(merchantSequence).padStart(6, "0")}`,
      merchantId: fields.merchantId ?? options.merchantId,
      bank: fields.bank ?? bank(),
      accountNo: fields.accountNo ?? accountNo(),
      accountName: fields.accountName ?? accountName(),
      amountSatang: fields.amountSatang ?? amountSatang(),
      status: fields.status ?? "open",
      orderedAt,
      doneAt:
        fields.doneAt ??
        (fields.status && fields.status !== "open" ? new Date(orderedAt.getTime() + 42_000) : null),
    };
    withdrawals.set(w.platformOrderId, w);
    if (w.status === "open") {
      if (announce) notify(w);
      if (config.completeAfterMs > 0) {
        later(
          () => complete(w, Math.random() < config.failureRate ? "failed" : "success"),
          config.completeAfterMs,
        );
      }
    }
    return w;
  }

  for (const w of options.known ?? [])
    withdrawals.set(w.platformOrderId, { ...w, merchantId: options.merchantId });
  // Seed: history over the last ten days (finished), a few still open, and other merchants'.
  const now = Date.now();
  for (let i = 0; i < (options.seedCount ?? 30); i++) {
    const orderedAt = new Date(now - Math.floor(Math.random() * 10 * 24 * 3600_000));
    const status: Status = i % 10 === 0 ? "failed" : "success";
    create({ orderedAt, status }, false);
  }
  for (let i = 0; i < 3; i++) create({ merchantId: "ZZ99999999", status: "success" }, false);

  const fail = (res: ServerResponse, code: number, message: string) =>
    sendJson(res, code, { code, message, success: false });

  async function query(req: IncomingMessage, res: ServerResponse) {
    const raw = await readBody(req);
    if (
      await applyRequestFaults(faults, "query", res, () => ({
        code: 500,
        message: "internal-error",
        success: false,
      }))
    ) {
      return;
    }
    if (!signatureMatches(hmacHex(options.secret, raw), req.headers["x-signature"]))
      return fail(res, 401, "unauthorized");
    const body = parseJson(raw) as Record<string, unknown> | undefined;
    if (!body || typeof body !== "object") return fail(res, 400, "invalid-inputs");
    if (body.merchant_id !== options.merchantId || body.token !== options.token)
      return fail(res, 401, "unauthorized");
    const time = Number(body.time);
    if (!Number.isFinite(time) || Math.abs(Date.now() / 1000 - time) > TIME_WINDOW_S)
      return fail(res, 401, "unauthorized");
    const id = body.platform_order_id;
    if (typeof id !== "string" || !ID_FORMAT.test(id)) return fail(res, 400, "invalid-inputs");
    const w = withdrawals.get(id);
    if (!w || w.merchantId !== options.merchantId) return fail(res, 404, "not-found");
    sendJson(res, 200, { code: 200, message: "Success", data: wire(w), success: true });
  }

  async function control(req: IncomingMessage, res: ServerResponse, path: string) {
    if (path === "/__control/faults") return faults.handle(req, res);
    if (path === "/__control/withdrawals" && req.method === "GET") {
      return sendJson(res, 200, {
        withdrawals: [...withdrawals.values()]
          .filter((w) => w.merchantId === options.merchantId)
          .map(wire),
        callbacks: callbacks.delivered,
      });
    }
    const body = (parseJson(await readBody(req)) ?? {}) as Record<string, unknown>;
    if (path === "/__control/withdrawals" && req.method === "POST") {
      const w = create({
        amountSatang: typeof body.amountSatang === "number" ? body.amountSatang : undefined,
        accountName: typeof body.accountName === "string" ? body.accountName : undefined,
        accountNo: typeof body.accountNo === "string" ? body.accountNo : undefined,
        bank: typeof body.bank === "string" ? body.bank : undefined,
        merchantOrderId:
          typeof body.merchantOrderId === "string" ? body.merchantOrderId : undefined,
        orderedAt: typeof body.orderedAt === "string" ? new Date(body.orderedAt) : undefined,
      });
      return sendJson(res, 201, { withdrawal: wire(w) });
    }
    if (path === "/__control/config" && req.method === "POST") {
      return sendJson(res, 200, { config: updateConfig(config, body) });
    }
    // The gateway forgets one (a withdrawal we hold that it does not know: the look-up's case).
    const forget = /^\/__control\/withdrawals\/([^/]+)$/.exec(path);
    if (forget && req.method === "DELETE") {
      const gone = withdrawals.delete(decodeURIComponent(forget[1] ?? ""));
      return sendJson(res, gone ? 200 : 404, { forgotten: gone });
    }
    const m = /^\/__control\/withdrawals\/([^/]+)\/complete$/.exec(path);
    const w = m ? withdrawals.get(decodeURIComponent(m[1] ?? "")) : undefined;
    if (w && req.method === "POST") {
      complete(w, body.status === "failed" ? "failed" : "success");
      return sendJson(res, 200, { withdrawal: wire(w) });
    }
    sendJson(res, 404, { error: "unknown control endpoint" });
  }

  const { server, port } = await serve(
    options.port ?? 0,
    async (req, res, path) => {
      if (path.startsWith("/__control/")) return control(req, res, path);
      if (req.method === "POST" && path === "/withdraw/query") return query(req, res);
      fail(res, 404, "not-found");
    },
    (res, error) => {
      log(quiet, NAME, `error: ${error.message}`);
      if (!res.headersSent) fail(res, 400, "invalid-inputs");
    },
  );
  const generator =
    (options.newEveryMs ?? 0) > 0
      ? setInterval(() => create(), options.newEveryMs).unref()
      : undefined;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    withdrawals,
    faults,
    callbacks,
    config,
    create,
    complete: (id: string, status: "success" | "failed") => {
      const w = withdrawals.get(id);
      if (w) complete(w, status);
    },
    /**
     * Holds a withdrawal as given (new or changed) and answers the callback the gateway would
     * send about it (stamped `at`), without sending it (the caller delivers).
     */
    report(w: Omit<SandboxWithdrawal, "merchantId">, at?: Date) {
      const held = { ...w, merchantId: options.merchantId };
      withdrawals.set(w.platformOrderId, held);
      return callbackOf(held, at);
    },
    /** This merchant's withdrawals, as `known` takes them. */
    held: () => [...withdrawals.values()].filter((w) => w.merchantId === options.merchantId),
    async close() {
      if (generator) clearInterval(generator);
      for (const timer of timers) clearTimeout(timer);
      callbacks.close();
      await shutdown(server);
    },
  };
}

export type PayoutSandbox = Awaited<ReturnType<typeof startPayoutSandbox>>;
