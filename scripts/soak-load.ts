import { randomUUID } from "node:crypto";

import { p2wCallback, payoutCallback, type SignedCallback, Tally } from "./load";

type P2wOrder = { orderID: string; refID: string; status: string; reason: string };
type Wire = Record<string, unknown> & { platform_order_id: string; status: string };
type Intent = { cookie: string; key: string; body: object; refId?: string };

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pick = <T>(items: T[]): T | undefined => items[Math.floor(Math.random() * items.length)];

/** The packages the soak sells, with what each needs (the player's id is made up). */
const SOLD: Record<string, Record<string, string>> = {
  FF_TH_D100: { playerid: "" },
  ROV_TH_C115: { openid: "" },
  PUBGM_TH_UC60: { playerid: "" },
  MLBB_D86: { userid: "", zoneid: "2001" },
  ROLTH_A01_P001: { gameid: "", server: "2" },
};

/**
 * The soak's people and upstreams (scripts/soak.ts): each method is one of them at work until
 * `running()` turns false, and everything they did is kept for the verdicts. A request that
 * finds the server down (killed, or killed mid-answer) is tallied as `down`, not as an error.
 */
export class SoakLoad {
  readonly tallies = new Map<string, Tally>();
  /** Bodies of the callbacks this run sent and the server answered 200. */
  readonly acknowledged: string[] = [];
  /** Every top-up the support people meant to create, with its key and, once known, its refID. */
  readonly intents: Intent[] = [];
  /** What the upstreams hold, refreshed as the run goes (the callbacks replay it). */
  p2wOrders: P2wOrder[] = [];
  gatewayWithdrawals: Wire[] = [];
  /** What one browser's live feed delivered: where it started, and each change it was told of. */
  readonly feed = { start: 0, delivered: 0, changes: new Map<string, number>(), cursor: 0 };
  #serial = 0;

  constructor(
    private readonly base: string,
    private readonly env: Record<string, string>,
    private readonly running: () => boolean,
  ) {}

  async refreshUpstreams(): Promise<void> {
    const get = async <T>(url: string) => (await (await fetch(url)).json()) as T;
    const p2w = new URL(this.env.P2W_API_URL ?? "").origin;
    this.p2wOrders = (await get<{ orders: P2wOrder[] }>(`${p2w}/__control/state`)).orders;
    this.gatewayWithdrawals = (
      await get<{ withdrawals: Wire[] }>(`${this.env.PAYOUT_API_URL}/__control/withdrawals`)
    ).withdrawals;
  }

  /** One request, tallied under `name`. */
  async call(name: string, url: string, init: RequestInit = {}): Promise<Response | null> {
    const tally = this.tallies.get(name) ?? this.tallies.set(name, new Tally()).get(name);
    const t0 = performance.now();
    try {
      const res = await fetch(`${this.base}${url}`, {
        ...init,
        signal: AbortSignal.timeout(30_000),
      });
      await res.clone().arrayBuffer();
      // The balancer found no instance, or its instance was killed mid-answer.
      if (res.headers.has("x-balancer")) {
        tally?.add("down", performance.now() - t0);
        return null;
      }
      tally?.add(res.status, performance.now() - t0);
      return res;
    } catch {
      tally?.add("down", performance.now() - t0);
      return null;
    }
  }

  /**
   * Signed callbacks, `perSecond` of them: replays of what P2W and the gateway hold now (two
   * in five each, as an upstream's retries are) and one in five about an order nobody has.
   */
  async sendCallbacks(perSecond: number): Promise<void> {
    while (this.running()) {
      const { path, body, headers } = this.#nextCallback();
      const name = path.startsWith("/api/webhooks/p2w") ? "callback p2w" : "callback payout";
      void this.call(name, path, { method: "POST", headers, body }).then(
        (res) => res?.status === 200 && this.acknowledged.push(body),
      );
      await pause(1000 / perSecond);
    }
  }

  /**
   * Signed P2W callbacks sent at once, one for each of up to `count` orders, each claiming a
   * final status its order does not have at P2W: processing one takes a confirming read (it
   * ends `contradicted`, the order unchanged). Resolves when every one is answered.
   */
  async burst(count: number): Promise<void> {
    const orders = [...this.p2wOrders].sort(() => Math.random() - 0.5).slice(0, count);
    await Promise.all(
      orders.map(async (order) => {
        // The sandbox's state names statuses as P2W's own records do (`succeeded`).
        const claimed = order.status === "failed" ? "successed" : "failed";
        const { path, body, headers } = p2wCallback(this.env.WEBHOOK_SECRET ?? "", {
          ...order,
          status: claimed,
          balance: this.#serial++,
        });
        const res = await this.call("callback burst", path, { method: "POST", headers, body });
        if (res?.status === 200) this.acknowledged.push(body);
      }),
    );
  }

  #nextCallback(): SignedCallback {
    const serial = this.#serial++;
    const order = pick(this.p2wOrders);
    const wire = pick(this.gatewayWithdrawals);
    const { WEBHOOK_SECRET = "", PAYOUT_SECRET = "", PAYOUT_MERCHANT_ID = "" } = this.env;
    // `balance` differs in each, so each acknowledged body is told apart from the sandbox's.
    if (serial % 5 < 2 && order) return p2wCallback(WEBHOOK_SECRET, { ...order, balance: serial });
    if (serial % 5 < 4 && wire) return payoutCallback(PAYOUT_SECRET, PAYOUT_MERCHANT_ID, wire);
    return p2wCallback(WEBHOOK_SECRET, {
      orderID: `P2W-SOAK-${serial}`,
      refID: `TU-SOAK-UNKNOWN-${serial}`,
      status: "successed",
      balance: serial,
    });
  }

  /** A support person: a top-up every 0.7 s, now and then a double click, and re-queries. */
  async createTopups(cookie: string): Promise<void> {
    const packages = Object.keys(SOLD);
    for (let n = 1; this.running(); n++) {
      const packageId = packages[n % packages.length] ?? "FF_TH_D100";
      const topupInfo = Object.fromEntries(
        Object.entries(SOLD[packageId] ?? {}).map(([k, v]) => [k, v || `soak${n}`]),
      );
      const intent: Intent = { cookie, key: randomUUID(), body: { packageId, topupInfo } };
      this.intents.push(intent);
      const sends = n % 10 === 0 ? 2 : 1;
      await Promise.all(Array.from({ length: sends }, () => this.#send(intent)));
      const refId = n % 4 === 0 ? pick(this.intents.filter((i) => i.refId))?.refId : undefined;
      if (refId)
        await this.call("topup re-query", `/api/topups/${refId}/requery`, post(cookie, {}));
      await pause(700);
    }
  }

  /** Sends until answered; after a crash, again with the same key, as a careful client does. */
  async #send(intent: Intent): Promise<void> {
    for (let attempt = 0; attempt < 60; attempt++) {
      const body = { ...intent.body, idempotencyKey: intent.key };
      const res = await this.call("topup create", "/api/topups", post(intent.cookie, body));
      if (res && res.status < 500) {
        intent.refId ??= ((await res.json()) as { topup?: { refId: string } }).topup?.refId;
        return;
      }
      await pause(500);
    }
  }

  /** Finance: the withdrawals list by filter, look-ups of three ids, a re-query now and then. */
  async financeWork(cookie: string): Promise<void> {
    const filters = ["", "?status=open", "?status=success", "?status=failed", "?q=PAYOUT"];
    for (let n = 0; this.running(); n++) {
      await this.call("withdrawal list", `/api/withdrawals${filters[n % filters.length]}`, {
        headers: { cookie },
      });
      const ids = Array.from({ length: 3 }, () => pick(this.gatewayWithdrawals)?.platform_order_id);
      const platformOrderIds = ids.filter((id) => id !== undefined);
      if (n % 3 === 0 && platformOrderIds.length > 0)
        await this.call(
          "withdrawal look-up",
          "/api/withdrawals/lookup",
          post(cookie, { platformOrderIds }),
        );
      const id = platformOrderIds[0];
      if (n % 5 === 0 && id)
        await this.call("withdrawal re-query", `/api/withdrawals/${id}/requery`, post(cookie, {}));
      await pause(800);
    }
  }

  /**
   * A manager's browser following the live feed, whichever instance answers each poll: it
   * starts from the cursor it is given first and counts every change it is told of.
   */
  async followFeed(cookie: string): Promise<void> {
    for (;;) {
      const res = await this.call("live feed", "/api/changes", { headers: { cookie } });
      if (res?.status === 200) {
        this.feed.start = this.feed.cursor = ((await res.json()) as { cursor: number }).cursor;
        break;
      }
      await pause(500);
    }
    while (this.running()) {
      await feedPage(this, cookie);
      await pause(500);
    }
  }

  /**
   * After the load: polls until the feed has had nothing new twice in a row, or for 20 s (the
   * sandbox goes on paying out; the verdict counts only up to the cursor reached).
   */
  async catchUpFeed(cookie: string): Promise<void> {
    const until = Date.now() + 20_000;
    for (let quiet = 0; quiet < 2 && Date.now() < until;) {
      quiet = (await feedPage(this, cookie)) ? 0 : quiet + 1;
      await pause(300);
    }
  }

  /** A manager: lists, the review queue, the overview and the callbacks log in turn. */
  async managerWork(cookie: string): Promise<void> {
    const reads = [
      "/api/topups",
      "/api/topups?status=failed",
      "/api/review",
      "/api/overview",
      "/api/callbacks",
    ];
    for (let n = 0; this.running(); n++) {
      await this.call("manager reads", reads[n % reads.length] ?? "/api/topups", {
        headers: { cookie },
      });
      await pause(800);
    }
  }
}

/** The feed's next page; false when it held nothing new (or no instance answered). */
async function feedPage(load: SoakLoad, cookie: string): Promise<boolean> {
  const res = await load.call("live feed", `/api/changes?since=${load.feed.cursor}`, {
    headers: { cookie },
  });
  if (res?.status !== 200) return false;
  const page = (await res.json()) as { cursor: number; changes: { type: string; id: string }[] };
  load.feed.cursor = page.cursor;
  for (const change of page.changes) {
    const key = `${change.type} ${change.id}`;
    load.feed.changes.set(key, (load.feed.changes.get(key) ?? 0) + 1);
    load.feed.delivered++;
  }
  return page.changes.length > 0;
}

const post = (cookie: string, body: unknown): RequestInit => ({
  method: "POST",
  headers: { cookie, "content-type": "application/json" },
  body: JSON.stringify(body),
});
