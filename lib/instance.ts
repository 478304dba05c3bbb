import "server-only";

import os from "node:os";

import { getEnv } from "@/lib/env";

/** This instance's name: `INSTANCE_ID`, or the host and process id. */
export function instanceId(): string {
  return getEnv().INSTANCE_ID ?? `${os.hostname()}:${process.pid}`;
}
