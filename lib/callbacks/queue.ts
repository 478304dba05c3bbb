import { logger } from "@/lib/logger";

/**
 * In-process work queue with bounded concurrency, for callbacks that were stored and
 * acknowledged. Nothing is lost if the process dies: the stored row stays `received` and
 * the reconciler's sweep processes it.
 */
const CONCURRENCY = 4;
const waiting: (() => Promise<void>)[] = [];
let running = 0;

export function enqueue(job: () => Promise<void>): void {
  waiting.push(job);
  pump();
}

function pump(): void {
  while (running < CONCURRENCY && waiting.length > 0) {
    const job = waiting.shift();
    if (!job) return;
    running++;
    job()
      .catch((error: unknown) => logger.error("queued job failed", { error }))
      .finally(() => {
        running--;
        pump();
      });
  }
}
