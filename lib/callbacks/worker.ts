import { randomUUID } from "node:crypto";

import type { Db } from "@/db/client";
import {
  bumpCallbackAttempts,
  claimReceivedCallbacks,
  setCallbackResult,
  workerLeaseName,
} from "@/db/queries/callbacks";
import { acquireLease, pruneLapsedLeases, releaseLease } from "@/db/queries/leases";
import { logger } from "@/lib/logger";
import { instruments, resultLabel } from "@/lib/metrics/instruments";

import type { UpstreamName } from "./results";

/** Processes one stored callback; what each upstream's webhook source does after the answer. */
export type CallbackProcessor = (callbackId: number) => Promise<string>;

export type WorkerOptions = {
  /** Callbacks processed at once by this process (each may wait on a confirming read). */
  concurrency?: number;
  /** How long a claimed callback is this worker's; after that another may take it. */
  claimMs?: number;
  /** How often the database is looked at without a wake-up (rows from another process). */
  pollMs?: number;
  /** After this many failed runs (the processing threw) a callback is left for a person. */
  maxRuns?: number;
  /**
   * How long this worker's liveness lease lasts; renewed every `pollMs`. Once it lapses (the
   * process died) its claims are free at once, instead of after `claimMs`.
   */
  livenessMs?: number;
};

const DEFAULTS: Required<WorkerOptions> = {
  concurrency: 16,
  claimMs: 60_000,
  pollMs: 1_000,
  maxRuns: 5,
  livenessMs: 5_000,
};

/**
 * The callback worker. An acknowledged callback waits in the database (`result = received`),
 * never in memory: the webhook commits the row, answers, and wakes the worker, which claims
 * a few rows at a time (oldest first), processes at most `concurrency` at once and takes
 * more as each finishes. It also looks every `pollMs`, so rows left by a crash or received
 * by another process are picked up without a wake-up. Memory is bounded by `concurrency`
 * whatever the rate of intake.
 */
export class CallbackWorker {
  private readonly options: Required<WorkerOptions>;
  private running = 0;
  private scheduled = false;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** Until when it may claim (a drain's end); and how many it has claimed in all. */
  private claimUntil = Number.POSITIVE_INFINITY;
  private taken = 0;
  private idle: (() => void)[] = [];
  /** Resolves once the first liveness lease is written (or could not be). */
  private leased: Promise<void> = Promise.resolve();
  private looked: ((took: number) => void)[] = [];
  /** Names this worker's claims and its liveness lease. */
  readonly holder = randomUUID();

  constructor(
    private readonly db: () => Db,
    private readonly processors: Partial<Record<UpstreamName, CallbackProcessor>>,
    options: WorkerOptions = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  /**
   * Starts the periodic look (picks up what waits since before a restart, including what a
   * killed process had claimed, once its liveness lease has lapsed) and the liveness lease.
   */
  start(): this {
    if (!this.timer && !this.stopped) {
      // No claim before this worker's liveness lease is written: until then a peer would
      // take this worker for gone and its fresh claims as free (both would process them).
      this.leased = this.heartbeat(true);
      this.timer = setInterval(() => {
        void this.heartbeat();
        this.wake();
      }, this.options.pollMs);
      this.timer.unref();
    }
    this.wake();
    return this;
  }

  /** Renews this worker's liveness lease (first: and clears the leases of workers gone). */
  private heartbeat(first = false): Promise<void> {
    const failed = (error: unknown) =>
      logger.error("callback worker could not renew its lease", { error });
    const db = this.db();
    // A failed renewal is logged, never thrown: at worst a peer takes these claims early,
    // and the event key makes processing a callback twice harmless.
    return (first ? pruneLapsedLeases(db, workerLeaseName("")) : Promise.resolve())
      .then(async () => {
        await acquireLease(db, workerLeaseName(this.holder), this.holder, this.options.livenessMs);
      })
      .catch(failed);
  }

  /**
   * Something was stored or a slot came free: look soon. Wake-ups in one turn coalesce; one
   * that comes while a look is under way makes another look after it.
   */
  wake(): void {
    if (this.stopped) return;
    if (this.scheduled) {
      this.again = true;
      return;
    }
    this.scheduled = true;
    setImmediate(() => void this.fill());
  }

  /** Stops looking and resolves once the callbacks in hand are finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    const started = this.timer !== undefined;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.settled();
    if (started) await releaseLease(this.db(), workerLeaseName(this.holder), this.holder);
  }

  /**
   * The worker's part of a clean stop, once nothing more is being stored (the intake is
   * closed): it goes on taking what waits until a look finds nothing it may take, or until
   * `claimForMs` has passed, then stops as `stop` does (finishes what is in hand, hands its
   * liveness lease back so a peer takes any claim of its at once). Its lease is renewed
   * meanwhile. Resolves with how many callbacks it took after it was asked to drain.
   */
  async drain(claimForMs: number): Promise<number> {
    const before = this.taken;
    this.claimUntil = Date.now() + claimForMs;
    while (!this.stopped && Date.now() < this.claimUntil) {
      await this.settled();
      const look = this.nextLook();
      this.wake();
      if ((await look) === 0 && this.running === 0) break;
    }
    await this.stop();
    return this.taken - before;
  }

  /** Resolves when nothing is in hand or about to be looked for (tests, shutdown). */
  settled(): Promise<void> {
    if (this.running === 0 && !this.scheduled) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /**
   * Resolves after the worker's next look at the queue with how many rows it took: 0 when it
   * found none it may take, or had no slot to fill (tests: "nothing more happens" without
   * sleeping).
   */
  nextLook(): Promise<number> {
    return new Promise((resolve) => this.looked.push(resolve));
  }

  /**
   * Claims as many waiting rows as there are free slots and starts each. While busy it waits
   * for half the slots to come free: a claim is a write, and claiming one row per finished
   * callback cost as much as processing it.
   */
  private async fill(): Promise<void> {
    await this.leased;
    this.again = false;
    const free = this.options.concurrency - this.running;
    const worthClaiming = this.running === 0 || free >= this.options.concurrency / 2;
    let claimed: { id: number; upstream: UpstreamName }[] = [];
    if (free > 0 && worthClaiming && !this.stopped && Date.now() < this.claimUntil) {
      try {
        claimed = await claimReceivedCallbacks(
          this.db(),
          Object.keys(this.processors),
          free,
          this.options.claimMs,
          this.holder,
        );
      } catch (error) {
        logger.error("callback worker could not claim", { error });
      }
      this.taken += claimed.length;
      for (const row of claimed) {
        this.running++;
        void this.run(row).finally(() => {
          this.running--;
          this.wake();
          this.maybeIdle();
        });
      }
    }
    // Until here a look is under way: `settled` waits for it.
    this.scheduled = false;
    for (const resolve of this.looked.splice(0)) resolve(claimed.length);
    if (this.again) this.wake();
    this.maybeIdle();
  }

  private async run(row: { id: number; upstream: UpstreamName }): Promise<void> {
    const process = this.processors[row.upstream];
    if (!process) return;
    const { callbacksProcessed } = instruments();
    try {
      const result = await process(row.id);
      callbacksProcessed.inc({ upstream: row.upstream, result: resultLabel(result) });
    } catch (error) {
      callbacksProcessed.inc({ upstream: row.upstream, result: "failed" });
      // Not an upstream's failure (those end in `retry`/`unconfirmed`): a fault of ours or of
      // the body. Counted; after a few runs the callback is left for a person, not retried
      // for ever. Until then its claim runs out and it is taken again.
      logger.error("callback processing failed", { callbackId: row.id, error });
      const db = this.db();
      if ((await bumpCallbackAttempts(db, row.id)) >= this.options.maxRuns)
        await setCallbackResult(db, row.id, "unconfirmed", "processing failed", true);
    }
  }

  private maybeIdle(): void {
    if (this.running > 0 || this.scheduled) return;
    for (const resolve of this.idle.splice(0)) resolve();
  }
}
