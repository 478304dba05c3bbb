import type { Db } from "@/db/client";
import {
  bumpCallbackAttempts,
  claimReceivedCallbacks,
  setCallbackResult,
} from "@/db/queries/callbacks";
import { logger } from "@/lib/logger";

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
};

const DEFAULTS: Required<WorkerOptions> = {
  concurrency: 16,
  claimMs: 60_000,
  pollMs: 1_000,
  maxRuns: 5,
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
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private idle: (() => void)[] = [];

  constructor(
    private readonly db: () => Db,
    private readonly processors: Partial<Record<UpstreamName, CallbackProcessor>>,
    options: WorkerOptions = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** Starts the periodic look (picks up what waits since before a restart). */
  start(): this {
    if (!this.timer && !this.stopped) {
      this.timer = setInterval(() => this.wake(), this.options.pollMs);
      this.timer.unref();
    }
    this.wake();
    return this;
  }

  /** Something was stored or a slot came free: look soon. Wake-ups in one turn coalesce. */
  wake(): void {
    if (this.stopped || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.fill();
    });
  }

  /** Stops looking and resolves once the callbacks in hand are finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.settled();
  }

  /** Resolves when nothing is in hand or about to be looked for (tests, shutdown). */
  settled(): Promise<void> {
    if (this.running === 0 && !this.scheduled) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** Claims as many waiting rows as there are free slots and starts each. */
  private fill(): void {
    const free = this.options.concurrency - this.running;
    if (free > 0 && !this.stopped) {
      let claimed: { id: number; upstream: UpstreamName }[] = [];
      try {
        claimed = claimReceivedCallbacks(
          this.db(),
          Object.keys(this.processors),
          free,
          this.options.claimMs,
        );
      } catch (error) {
        logger.error("callback worker could not claim", { error });
      }
      for (const row of claimed) {
        this.running++;
        void this.run(row).finally(() => {
          this.running--;
          this.wake();
          this.maybeIdle();
        });
      }
    }
    this.maybeIdle();
  }

  private async run(row: { id: number; upstream: UpstreamName }): Promise<void> {
    const process = this.processors[row.upstream];
    if (!process) return;
    try {
      await process(row.id);
    } catch (error) {
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

const REGISTRY = Symbol.for("dashboard.callbackWorker");
type Registry = { [REGISTRY]?: CallbackWorker };

/**
 * The process's one worker. Next.js bundles the webhook routes and the start-up hook
 * separately, so module state is not shared between them; the worker is kept on
 * `globalThis` under a registered symbol so both reach the same one.
 */
export function processWorker(create: () => CallbackWorker): CallbackWorker {
  const registry = globalThis as Registry;
  registry[REGISTRY] ??= create().start();
  return registry[REGISTRY];
}
