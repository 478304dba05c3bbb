import type { ReceivedCallback } from "@/db/queries/callbacks";

/** What the server's event loop asks of the callback thread. */
export type ToThread = { type: "store"; serial: number; row: ReceivedCallback };

/** Its answer: the committed row's id, or why it was not stored. */
export type FromThread =
  | { type: "stored"; serial: number; id: number }
  | { type: "failed"; serial: number; error: string };
