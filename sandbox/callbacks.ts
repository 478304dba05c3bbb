import type { Faults } from "./faults";
import { log } from "./http";

/**
 * Delivers callbacks like a real upstream: POST with retries on anything but a 2xx (growing
 * gaps), and the callback faults of the fault rules (drop, duplicate, reorder, delay).
 */
export type Delivery = {
  url: string;
  body: string;
  headers: Record<string, string>;
  label: string;
};

export class CallbackDispatcher {
  #held: Delivery | null = null;
  #heldTimer: NodeJS.Timeout | null = null;
  #timers = new Set<NodeJS.Timeout>();
  #closed = false;
  delivered: { label: string; status: number | null; attempt: number }[] = [];
  /** The labels of the callbacks a `drop` fault swallowed (never sent). */
  dropped: string[] = [];

  constructor(
    private readonly name: string,
    private readonly faults: Faults,
    private readonly options: { retryDelaysMs: number[]; quiet: boolean },
  ) {}

  send(delivery: Delivery): void {
    if (this.#closed) return;
    if (this.faults.take("callback", "drop")) {
      log(this.options.quiet, this.name, `callback ${delivery.label} dropped (fault)`);
      this.dropped.push(delivery.label);
      return;
    }
    const delay = this.faults.take("callback", "delay")?.ms ?? 0;
    if (!this.#held && this.faults.take("callback", "reorder")) {
      // Hold this one back until the next callback has gone (or 5 s have passed).
      this.#held = delivery;
      this.#heldTimer = this.#later(() => this.#releaseHeld(), 5_000);
      return;
    }
    this.#later(() => {
      void this.#deliver(delivery, 1);
      if (this.faults.take("callback", "duplicate")) void this.#deliver(delivery, 1);
      this.#releaseHeld();
    }, delay);
  }

  #releaseHeld(): void {
    const held = this.#held;
    if (!held) return;
    this.#held = null;
    if (this.#heldTimer) clearTimeout(this.#heldTimer);
    this.#later(() => void this.#deliver(held, 1), 50);
  }

  #later(fn: () => void, ms: number): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      fn();
    }, ms);
    this.#timers.add(timer);
    return timer;
  }

  async #deliver(delivery: Delivery, attempt: number): Promise<void> {
    if (this.#closed) return;
    let status: number | null = null;
    try {
      const res = await fetch(delivery.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...delivery.headers },
        body: delivery.body,
        signal: AbortSignal.timeout(10_000),
      });
      status = res.status;
      await res.arrayBuffer();
    } catch {
      status = null;
    }
    this.delivered.push({ label: delivery.label, status, attempt });
    log(
      this.options.quiet,
      this.name,
      `callback ${delivery.label} attempt ${attempt} → ${status ?? "no answer"}`,
    );
    if (status !== null && status >= 200 && status < 300) return;
    const wait = this.options.retryDelaysMs[attempt - 1];
    if (wait !== undefined) this.#later(() => void this.#deliver(delivery, attempt + 1), wait);
  }

  close(): void {
    this.#closed = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }
}

export const DEFAULT_RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 15_000, 30_000, 60_000];
