import { TOPUP_FINAL_STATUSES, type TopupStatus } from "@/db/enums";
import type { StatusMachine } from "@/lib/orders/status-machine";

/**
 * submitting → (unknown) → pending → processing → succeeded | failed.
 * `submitting` and `unknown` are ours: the first while the create call is out, the second
 * when its outcome could not be known. Any upstream report moves them forward.
 */
export const TOPUP_MACHINE: StatusMachine<TopupStatus> = {
  rank: { submitting: 0, unknown: 1, pending: 2, processing: 3, succeeded: 4, failed: 4 },
  final: TOPUP_FINAL_STATUSES,
};
