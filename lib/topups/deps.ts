import type { Db } from "@/db/client";
import type { P2wClient } from "@/lib/p2w/client";

/** What the top-up use cases need; tests build it from a temp db and a sandbox client. */
export type TopupDeps = {
  db: Db;
  p2w: P2wClient;
  /** The base the upstreams call back on: the hookURL of each order is built on it. */
  callbackUrl: string;
  webhookSecret: string;
  /** Confirm a callback's final status with a signed read before applying it. */
  confirmCallbacks: boolean;
};
