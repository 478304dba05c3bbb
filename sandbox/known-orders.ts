import fs from "node:fs";

import type { SandboxTopup } from "./p2w";
import type { SandboxWithdrawal } from "./payout";

/**
 * The orders both simulators hold from the start (SANDBOX_KNOWN_ORDERS names the file): the
 * demo's past, written when its database is seeded, so that a re-query or a look-up of a demo
 * order is answered as a real upstream would answer it. No file: both start empty.
 */
export type KnownOrders = { p2w: SandboxTopup[]; payout: SandboxWithdrawal[] };

export function writeKnownOrders(file: string, orders: KnownOrders): void {
  fs.writeFileSync(file, JSON.stringify(orders));
}

export function readKnownOrders(file: string | undefined): KnownOrders {
  if (!file || !fs.existsSync(file)) return { p2w: [], payout: [] };
  const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as {
    p2w: SandboxTopup[];
    payout: (Omit<SandboxWithdrawal, "orderedAt" | "doneAt"> & {
      orderedAt: string;
      doneAt: string | null;
    })[];
  };
  return {
    p2w: parsed.p2w,
    payout: parsed.payout.map((w) => ({
      ...w,
      orderedAt: new Date(w.orderedAt),
      doneAt: w.doneAt === null ? null : new Date(w.doneAt),
    })),
  };
}
