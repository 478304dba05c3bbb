/**
 * Shares reads of one upstream object among callers that may use the same answer: a read
 * serves a caller only when it started at or after the caller's `notBefore` (for a callback,
 * when it was received), so its answer is at least as new as what the caller wants to check.
 * Ten callbacks for one order in a burst cost one read; a read that failed is not kept.
 */
export function readCoalescer<T>(options: { keepMs?: number; maxEntries?: number } = {}) {
  const keepMs = options.keepMs ?? 10_000;
  const maxEntries = options.maxEntries ?? 1_000;
  const reads = new Map<string, { startedAt: number; promise: Promise<T> }>();

  const prune = (now: number) => {
    for (const [key, entry] of reads) {
      if (now - entry.startedAt > keepMs || reads.size > maxEntries) reads.delete(key);
    }
  };

  return function read(
    key: string,
    notBefore: number,
    load: () => Promise<T>,
    now: () => number = Date.now,
  ): Promise<T> {
    const started = now();
    const entry = reads.get(key);
    if (entry && entry.startedAt >= notBefore && started - entry.startedAt <= keepMs)
      return entry.promise;
    prune(started);
    const promise = load();
    const fresh = { startedAt: started, promise };
    reads.set(key, fresh);
    promise.catch(() => {
      if (reads.get(key) === fresh) reads.delete(key);
    });
    return promise;
  };
}
