import "server-only";

import type { Db } from "@/db/client";
import { logger } from "@/lib/logger";
import { currentWarnings } from "@/lib/overview/warnings";
import { getSettings } from "@/lib/settings/settings";

import { digestIfDue } from "./digest";
import { enqueueRepeats } from "./outbox";
import { drainOutbox } from "./sender";

/** How often the sender looks for due messages (retries, quiet hours ending, new ones). */
const SEND_TICK_MS = 5_000;

/**
 * One evaluation: every warning (raising or resolving alerts, with their messages), the
 * repeats that are due, and the day's digest once its time has come. Safe in several
 * processes at once: each write is a compare-and-set or a unique key.
 */
export async function evaluateAlerts(db: Db, now = new Date()): Promise<void> {
  const settings = await getSettings(db);
  await currentWarnings(db, settings, now, "all");
  await enqueueRepeats(db, settings.alertRepeatHours, now);
  await digestIfDue(db, settings, now);
}

/** `work` run at most once at a time; a failure is logged and the next call runs again. */
function oneAtATime(name: string, work: () => Promise<unknown>): () => Promise<void> {
  let running = false;
  return async () => {
    if (running) return;
    running = true;
    try {
      await work();
    } catch (error) {
      logger.error(`${name} failed`, { error });
    } finally {
      running = false;
    }
  };
}

/** Runs the evaluation every `evaluateSeconds` and the sender every few seconds. */
export function startAlerts(db: () => Db, evaluateSeconds: number): () => void {
  const send = oneAtATime("alert sender", () => drainOutbox(db()));
  const evaluateOnce = oneAtATime("alert evaluation", () => evaluateAlerts(db()));
  // What an evaluation wrote is sent at once, not at the sender's next tick.
  const evaluate = () => evaluateOnce().then(send);
  const timers = [
    setInterval(() => void evaluate(), evaluateSeconds * 1000),
    setInterval(() => void send(), SEND_TICK_MS),
  ];
  for (const timer of timers) timer.unref();
  void evaluate();
  return () => timers.forEach(clearInterval);
}
