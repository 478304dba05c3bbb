import "server-only";

import { Worker } from "node:worker_threads";

import { logger } from "@/lib/logger";

import type { UpstreamName } from "./results";
import type {
  FromThreadMessage,
  ThreadMetrics,
  ToThread,
  ToThreadMessage,
} from "./thread-messages";
import type { CallbackDelivery, CallbackIntake, Outcome } from "./webhook";

/** A thread that died is started again after this long (it picks up what waits). */
const RESTART_MS = 1_000;
/** A scrape waits this long for the thread's counters, then goes on without them. */
const METRICS_WAIT_MS = 2_000;

/**
 * The callback thread: it verifies each delivery, commits it (`synchronous = FULL`, callbacks
 * that arrive together in one transaction and one sync to disk) and runs the callback
 * worker. The server's event loop only reads the body and answers: neither verification,
 * the sync to disk nor the processing (reads, confirming calls, the applying transactions)
 * takes a turn from the requests, and the work uses the machine's other core. What waits
 * for the worker waits in the database (`result = received`); the thread also looks by
 * itself every second.
 */
class CallbackThread implements CallbackIntake {
  private thread: Worker | null = null;
  private serial = 0;
  private outbox: ToThread[] = [];
  private readonly pending = new Map<
    number,
    { resolve: (outcome: Outcome) => void; reject: (error: Error) => void }
  >();
  private readonly metricsAsked = new Map<number, (metrics: ThreadMetrics) => void>();
  /** Set once the server stops: the thread is not started again when it ends. */
  private stopping = false;
  private readonly drainAsked = new Map<number, (took: number) => void>();

  start(): this {
    const thread = new Worker(new URL("../wiring-callback-thread.ts", import.meta.url), {
      name: "callbacks",
      // Memory stays bounded whatever the intake: the rows wait on disk, not here.
      resourceLimits: { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 8 },
    });
    thread.unref();
    thread.on("message", (messages: FromThreadMessage) => {
      if ("drained" in messages) {
        this.drainAsked.get(messages.drained)?.(messages.took);
        return;
      }
      if (!Array.isArray(messages)) {
        this.metricsAsked.get(messages.metricsAsked)?.(messages.metrics);
        return;
      }
      for (const message of messages) {
        const waiting = this.pending.get(message.serial);
        this.pending.delete(message.serial);
        if (message.outcome) waiting?.resolve(message.outcome);
        else waiting?.reject(new Error(`callback not stored: ${message.error}`));
      }
    });
    thread.on("error", (error) => logger.error("callback thread failed", { error }));
    thread.on("exit", (code) => {
      this.thread = null;
      // Not acknowledged, so the upstream sends them again; a row the thread did commit is
      // then a duplicate, which processing recognises.
      for (const waiting of this.pending.values())
        waiting.reject(new Error("callback thread stopped"));
      this.pending.clear();
      for (const drained of this.drainAsked.values()) drained(0);
      this.drainAsked.clear();
      if (this.stopping) return;
      logger.error("callback thread stopped; starting it again", { code });
      setTimeout(() => this.start(), RESTART_MS).unref();
    });
    this.thread = thread;
    return this;
  }

  deliver(upstream: UpstreamName, delivery: CallbackDelivery): Promise<Outcome> {
    if (!this.thread) return Promise.reject(new Error("callback thread not running"));
    const serial = ++this.serial;
    return new Promise((resolve, reject) => {
      this.pending.set(serial, { resolve, reject });
      if (this.outbox.length === 0) setImmediate(() => this.send());
      this.outbox.push({ serial, upstream, delivery });
    });
  }

  /**
   * The thread's counters (callbacks received and processed, its upstream calls), or none
   * when it is not running or does not answer in time: a scrape must not hang on it.
   */
  metrics(): Promise<ThreadMetrics> {
    const thread = this.thread;
    if (!thread) return Promise.resolve([]);
    const serial = ++this.serial;
    return new Promise((resolve) => {
      const done = (metrics: ThreadMetrics) => {
        clearTimeout(timer);
        this.metricsAsked.delete(serial);
        resolve(metrics);
      };
      const timer = setTimeout(() => done([]), METRICS_WAIT_MS);
      this.metricsAsked.set(serial, done);
      thread.postMessage({ metricsAsked: serial } satisfies ToThreadMessage);
    });
  }

  /**
   * The server's stop, once it takes no more callbacks on its own port and has answered every
   * one it took: the thread closes the callbacks' own listener, processes what is stored
   * (lib/callbacks/worker.ts, `drain`) and hands its lease back. Resolves with how many it
   * processed meanwhile (0 when the thread was not running or ended).
   */
  drain(): Promise<number> {
    this.stopping = true;
    const thread = this.thread;
    if (!thread) return Promise.resolve(0);
    const serial = ++this.serial;
    return new Promise((resolve) => {
      this.drainAsked.set(serial, (took) => {
        this.drainAsked.delete(serial);
        resolve(took);
      });
      thread.postMessage({ drain: serial } satisfies ToThreadMessage);
    });
  }

  /**
   * Deliveries read in the same turn go to the thread as one message. (Had the thread died
   * meanwhile, their requests were already answered 500 when it stopped.)
   */
  private send(): void {
    const batch = this.outbox;
    this.outbox = [];
    this.thread?.postMessage(batch satisfies ToThreadMessage);
  }
}

const REGISTRY = Symbol.for("dashboard.callbackThread");
type Registry = { [REGISTRY]?: CallbackThread };

/**
 * This server process's callback thread: started with the server (so what waited across a
 * restart is picked up at once) and given each delivery by the webhook routes. Next.js
 * bundles the routes and the start-up hook separately, so module state is not shared
 * between them; the handle is kept on `globalThis` under a registered symbol so
 * both reach the same one.
 */
export function callbackIntake(): CallbackIntake & Pick<CallbackThread, "metrics" | "drain"> {
  const registry = globalThis as Registry;
  registry[REGISTRY] ??= new CallbackThread().start();
  return registry[REGISTRY];
}
