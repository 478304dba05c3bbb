import type { z } from "zod";

import { bahtToSatang } from "@/lib/money";

import type { p2wOrderSchema } from "./schemas";

export const P2W_STATUSES = ["pending", "processing", "succeeded", "failed"] as const;
export type P2wStatus = (typeof P2W_STATUSES)[number];

/**
 * The upstream's status word → ours. The vendor's own examples write `successed`, so it and
 * `success` mean `succeeded`. Anything else is an anomaly: null, recorded, never applied.
 */
export function normalizeP2wStatus(raw: string): P2wStatus | null {
  const word = raw.trim().toLowerCase();
  if (word === "successed" || word === "success" || word === "succeeded") return "succeeded";
  return (P2W_STATUSES as readonly string[]).includes(word) ? (word as P2wStatus) : null;
}

export type P2wOrder = {
  orderId: string;
  refId: string;
  /** Null when the upstream sent a status word we do not know (see rawStatus). */
  status: P2wStatus | null;
  rawStatus: string;
  packageId: string | null;
  topupInfo: Record<string, string> | null;
  reason: string | null;
  createdAt: Date | null;
};

export function toP2wOrder(data: z.infer<typeof p2wOrderSchema>): P2wOrder {
  const createdAt = data.createdAt ? new Date(data.createdAt) : null;
  return {
    orderId: data.orderID,
    refId: data.refID,
    status: normalizeP2wStatus(data.status),
    rawStatus: data.status,
    packageId: data.packageID ?? null,
    topupInfo: data.topupInfo ?? null,
    reason: data.reason ? data.reason : null,
    createdAt: createdAt && !Number.isNaN(createdAt.getTime()) ? createdAt : null,
  };
}

/** The callback's `balance` (baht, a number) → integer satang, or null when absent or odd. */
export function balanceToSatang(balance: number | string | null | undefined): number | null {
  if (balance === null || balance === undefined || balance === "") return null;
  return bahtToSatang(balance);
}
