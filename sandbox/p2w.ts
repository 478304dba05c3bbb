import type { IncomingMessage, ServerResponse } from "node:http";

import { CallbackDispatcher, DEFAULT_RETRY_DELAYS_MS } from "./callbacks";
import { type CatalogEntry, loadCatalog } from "./catalog";
import { applyRequestFaults, type FaultRule, Faults } from "./faults";
import {
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

/**
 * A stateful simulator of the P2W top-up aggregator (docs/upstreams.md, P2W): signed requests, refID
 * uniqueness, required fields per package, a partner balance that orders spend, orders that
 * move pending → processing → succeeded/failed, and completion callbacks with retries.
 */
export type P2wSandboxOptions = {
  port?: number;
  partnerId: string;
  secret: string;
  basePath?: string;
  balanceSatang?: number;
  processingAfterMs?: number;
  completeAfterMs?: number;
  failureRate?: number;
  faults?: FaultRule[];
  callbackRetryDelaysMs?: number[];
  catalog?: CatalogEntry[];
  quiet?: boolean;
  /** Orders it holds from the start, finished or not, as a real aggregator holds its past. */
  known?: SandboxTopup[];
  /** false: created orders stay as they are until `report` moves them (the demo's history). */
  autoProgress?: boolean;
};

type Status = "pending" | "processing" | "succeeded" | "failed";

export type SandboxTopup = {
  orderID: string;
  refID: string;
  partnerId: string;
  packageID: string;
  topupInfo: Record<string, string>;
  status: Status;
  reason: string;
  hookURL: string;
  createdAt: string;
  priceSatang: number;
};

/** Another partner's order, for FORBIDDEN. */
export const OTHER_PARTNER_ORDER_ID = "P2W9999999999";

const FAILURE_REASONS = [
  "Invalid game ID: player not found",
  "Game server under maintenance",
  "Character is banned from receiving items",
  "Publisher rejected the top-up: daily limit reached",
];

const NAME = "p2w-sandbox";

export async function startP2wSandbox(options: P2wSandboxOptions) {
  const basePath = options.basePath ?? "/api/v1";
  const catalog = new Map((options.catalog ?? loadCatalog()).map((p) => [p.packageId, p]));
  const quiet = options.quiet ?? false;
  const config = {
    processingAfterMs: options.processingAfterMs ?? 1_500,
    completeAfterMs: options.completeAfterMs ?? 4_000,
    failureRate: options.failureRate ?? 0.1,
  };
  let balanceSatang = options.balanceSatang ?? 5_000_000;
  const faults = new Faults(options.faults);
  const callbacks = new CallbackDispatcher(NAME, faults, {
    retryDelaysMs: options.callbackRetryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
    quiet,
  });
  const orders = new Map<string, SandboxTopup>();
  const byRef = new Map<string, string>();
  const timers = new Set<NodeJS.Timeout>();
  let sequence = (Date.now() % 100_000_000) * 10;

  orders.set(OTHER_PARTNER_ORDER_ID, {
    orderID: OTHER_PARTNER_ORDER_ID,
    refID: "OTHER-REF-1",
    partnerId: "OTHER-PARTNER",
    packageID: "FF_TH_D100",
    topupInfo: { playerid: "123" },
    status: "succeeded",
    reason: "",
    hookURL: "",
    createdAt: new Date().toISOString(),
    priceSatang: 3500,
  });

  const envelope = (statusCode: number, code: string, extra: object) => ({
    success: statusCode < 400,
    statusCode,
    code,
    ...extra,
    timestamp: new Date().toISOString(),
  });
  const fail = (res: ServerResponse, statusCode: number, code: string, message: string) =>
    sendJson(res, statusCode, envelope(statusCode, code, { message }));
  const serverError = () =>
    envelope(500, "INTERNAL_SERVER_ERROR", { message: "internal error (injected)" });

  /** The vendor writes `successed`; the dashboard must accept it. */
  const wireStatus = (status: Status) => (status === "succeeded" ? "successed" : status);
  const view = (o: SandboxTopup) => ({
    orderID: o.orderID,
    refID: o.refID,
    status: wireStatus(o.status),
    packageID: o.packageID,
    topupInfo: o.topupInfo,
    reason: o.reason,
    createdAt: o.createdAt,
  });

  function later(fn: () => void, ms: number) {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  }

  /** The callback P2W sends about an order as it now is (to its hookURL). */
  const callbackOf = (order: SandboxTopup, withBalance = true) => ({
    url: order.hookURL,
    label: `${order.orderID}:${order.status}`,
    headers: {},
    body: JSON.stringify({
      orderID: order.orderID,
      refID: order.refID,
      status: wireStatus(order.status),
      ...(withBalance && { balance: balanceSatang / 100 }),
      reason: order.reason,
    }),
  });

  /** Moves an order to a status (a failure gives its price back). */
  function move(order: SandboxTopup, status: Status, reason: string) {
    if (status === "failed" && order.status !== "failed") balanceSatang += order.priceSatang;
    order.status = status;
    order.reason = status === "failed" ? reason : "";
  }

  function finish(order: SandboxTopup, status: "succeeded" | "failed", reason: string) {
    if (order.status === "succeeded" || order.status === "failed") return;
    move(order, status, reason);
    log(quiet, NAME, `order ${order.orderID} (${order.refID}) → ${status}`);
    callbacks.send(callbackOf(order));
  }

  for (const order of options.known ?? []) {
    orders.set(order.orderID, { ...order, partnerId: options.partnerId });
    byRef.set(order.refID, order.orderID);
  }

  function progress(order: SandboxTopup) {
    later(() => {
      if (order.status === "pending") order.status = "processing";
    }, config.processingAfterMs);
    later(() => {
      const doomed =
        Object.values(order.topupInfo).some((v) => v.toLowerCase().startsWith("fail")) ||
        Math.random() < config.failureRate;
      const reason =
        FAILURE_REASONS[Math.floor(Math.random() * FAILURE_REASONS.length)] ?? "failed";
      finish(order, doomed ? "failed" : "succeeded", reason);
    }, config.completeAfterMs);
  }

  function checkFields(pkg: CatalogEntry, info: Record<string, unknown>): string | null {
    for (const field of pkg.fields) {
      const value = info[field.key];
      const text =
        typeof value === "string" || typeof value === "number" ? String(value).trim() : "";
      if (field.required && !text) return `topupInfo.${field.key} is required`;
      if (text && field.options && !field.options.some((o) => o.value === text)) {
        return `topupInfo.${field.key} must be one of ${field.options.map((o) => o.value).join(", ")}`;
      }
    }
    return null;
  }

  async function createOrder(req: IncomingMessage, res: ServerResponse) {
    const raw = await readBody(req);
    if (await applyRequestFaults(faults, "create", res, serverError)) return;
    const partner = req.headers["x-partner-id"];
    if (
      partner !== options.partnerId ||
      !signatureMatches(hmacHex(options.secret, raw), req.headers["x-signature"])
    ) {
      return fail(res, 401, "INVALID_SIGNATURE", "signature does not match");
    }
    const body = parseJson(raw) as Record<string, unknown> | undefined;
    if (!body || typeof body !== "object")
      return fail(res, 400, "INVALID_REQUEST", "body must be a JSON object");
    for (const key of ["refID", "packageID", "hookURL"]) {
      if (typeof body[key] !== "string" || !body[key])
        return fail(res, 400, "MISSING_FIELD", `${key} is required`);
    }
    const refID = body.refID as string;
    const pkg = catalog.get(body.packageID as string);
    if (!pkg)
      return fail(res, 400, "PACKAGE_NOT_FOUND", `unknown packageID ${String(body.packageID)}`);
    if (!pkg.active)
      return fail(res, 400, "PACKAGE_UNAVAILABLE", `package ${pkg.packageId} is not on sale`);
    if (byRef.has(refID)) return fail(res, 400, "REF_ID_EXISTS", "refID already exists");
    const info = (body.topupInfo ?? {}) as Record<string, unknown>;
    const missing =
      typeof info === "object" ? checkFields(pkg, info) : "topupInfo must be an object";
    if (missing) return fail(res, 400, "MISSING_FIELD", missing);
    if (balanceSatang < pkg.priceSatang)
      return fail(res, 400, "INSUFFICIENT_BALANCE", "balance is not enough");

    balanceSatang -= pkg.priceSatang;
    sequence += 1;
    const order: SandboxTopup = {
      orderID: `P2W${String(sequence).padStart(10, "0")}`,
      refID,
      partnerId: options.partnerId,
      packageID: pkg.packageId,
      topupInfo: Object.fromEntries(Object.entries(info).map(([k, v]) => [k, String(v)])),
      status: "pending",
      reason: "",
      hookURL: body.hookURL as string,
      createdAt: new Date().toISOString(),
      priceSatang: pkg.priceSatang,
    };
    orders.set(order.orderID, order);
    byRef.set(refID, order.orderID);
    log(quiet, NAME, `order ${order.orderID} created for ${refID}`);
    if (options.autoProgress ?? true) progress(order);
    if (faults.take("create", "reset_after_commit")) {
      req.socket.destroy();
      return;
    }
    sendJson(res, 201, envelope(201, "ORDER_CREATED", { data: view(order) }));
  }

  async function getOrder(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    orderId: string,
  ) {
    if (await applyRequestFaults(faults, "get", res, serverError)) return;
    if (
      req.headers["x-partner-id"] !== options.partnerId ||
      !signatureMatches(hmacHex(options.secret, path), req.headers["x-signature"])
    ) {
      return fail(res, 401, "INVALID_SIGNATURE", "signature does not match");
    }
    const order = orders.get(orderId);
    if (!order) return fail(res, 404, "ORDER_NOT_FOUND", "order not found");
    if (order.partnerId !== options.partnerId)
      return fail(res, 403, "FORBIDDEN", "order belongs to another partner");
    sendJson(res, 200, envelope(200, "OK", { data: view(order) }));
  }

  async function control(req: IncomingMessage, res: ServerResponse, path: string) {
    if (path === "/__control/faults") return faults.handle(req, res);
    if (path === "/__control/state" && req.method === "GET") {
      return sendJson(res, 200, {
        balanceSatang,
        config,
        orders: [...orders.values()].filter((o) => o.partnerId === options.partnerId),
        otherPartnerOrderId: OTHER_PARTNER_ORDER_ID,
        callbacks: callbacks.delivered,
      });
    }
    const body = (parseJson(await readBody(req)) ?? {}) as Record<string, unknown>;
    if (
      path === "/__control/balance" &&
      req.method === "POST" &&
      typeof body.balanceSatang === "number"
    ) {
      balanceSatang = body.balanceSatang;
      return sendJson(res, 200, { balanceSatang });
    }
    // The vendor adds a package on their side before we sell it (an admin then adds it to
    // our catalog): a package the simulator does not know yet.
    if (
      path === "/__control/packages" &&
      req.method === "POST" &&
      typeof body.packageId === "string" &&
      Array.isArray(body.fields)
    ) {
      const pkg = body as unknown as CatalogEntry;
      catalog.set(pkg.packageId, pkg);
      return sendJson(res, 200, { package: pkg });
    }
    if (path === "/__control/config" && req.method === "POST") {
      return sendJson(res, 200, { config: updateConfig(config, body) });
    }
    const m = /^\/__control\/orders\/([^/]+)\/complete$/.exec(path);
    const order = m ? orders.get(decodeURIComponent(m[1] ?? "")) : undefined;
    if (order && req.method === "POST") {
      finish(
        order,
        body.status === "failed" ? "failed" : "succeeded",
        String(body.reason ?? "Failed by operator"),
      );
      return sendJson(res, 200, { order: view(order) });
    }
    sendJson(res, 404, { error: "unknown control endpoint" });
  }

  const { server, port } = await serve(
    options.port ?? 0,
    async (req, res, path) => {
      if (path.startsWith("/__control/")) return control(req, res, path);
      if (req.method === "POST" && path === `${basePath}/orders`) return createOrder(req, res);
      const m = new RegExp(`^${basePath}/orders/([^/]+)$`).exec(path);
      if (req.method === "GET" && m)
        return getOrder(req, res, path, decodeURIComponent(m[1] ?? ""));
      fail(res, 404, "NOT_FOUND", "no such endpoint");
    },
    (res, error) => {
      log(quiet, NAME, `error: ${error.message}`);
      if (!res.headersSent) fail(res, 400, "INVALID_REQUEST", error.message);
    },
  );
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    baseUrl: `${origin}${basePath}`,
    orders,
    faults,
    callbacks,
    config,
    get balanceSatang() {
      return balanceSatang;
    },
    set balanceSatang(value: number) {
      balanceSatang = value;
    },
    finish: (orderId: string, status: "succeeded" | "failed", reason = "Failed by operator") => {
      const order = orders.get(orderId);
      if (order) finish(order, status, reason);
    },
    /**
     * Moves an order as `report`s says, any way (P2W changes its mind now and then), and
     * answers the callback it would send about it, without sending it (the caller delivers).
     */
    report(orderId: string, status: Status, reason = "") {
      const order = orders.get(orderId);
      if (!order) throw new Error(`the sandbox holds no order ${orderId}`);
      move(order, status, reason);
      return callbackOf(order, false);
    },
    /** The order P2W made for one of our refIDs. */
    orderIdOf: (refId: string) => byRef.get(refId),
    /** This partner's orders, as `known` takes them. */
    held: () => [...orders.values()].filter((o) => o.partnerId === options.partnerId),
    async close() {
      for (const timer of timers) clearTimeout(timer);
      callbacks.close();
      await shutdown(server);
    },
  };
}

export type P2wSandbox = Awaited<ReturnType<typeof startP2wSandbox>>;
