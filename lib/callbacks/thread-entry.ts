import { parentPort } from "node:worker_threads";

import { insertCallback } from "@/db/queries/callbacks";
import { getDb } from "@/lib/db";

import { newCallbackWorker } from "./new-worker";
import type { FromThread, ToThread } from "./thread-messages";

/**
 * The callback thread (started by callback-thread.ts). Each verified callback is committed on
 * this thread's `FULL` connection, those that arrived together in one transaction; the answer
 * goes back once it is durable, and the worker (on its own `NORMAL` connection) is woken.
 */
const worker = newCallbackWorker().start();
const answer = (message: FromThread) => parentPort?.postMessage(message);

parentPort?.on("message", (message: ToThread) => {
  if (message.type !== "store") return;
  insertCallback(getDb(), message.row).then(
    (id) => {
      answer({ type: "stored", serial: message.serial, id });
      worker.wake();
    },
    (error: unknown) =>
      answer({ type: "failed", serial: message.serial, error: String(error).slice(0, 200) }),
  );
});
