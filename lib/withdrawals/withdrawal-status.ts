import { WITHDRAWAL_FINAL_STATUSES, type WithdrawalStatus } from "@/db/enums";
import type { StatusMachine } from "@/lib/orders/status-machine";

/** open → success | failed (docs/upstreams.md, gateway). */
export const WITHDRAWAL_MACHINE: StatusMachine<WithdrawalStatus> = {
  rank: { open: 0, success: 1, failed: 1 },
  final: WITHDRAWAL_FINAL_STATUSES,
};
