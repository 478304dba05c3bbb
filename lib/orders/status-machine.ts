/**
 * Forward-only status machines, shared by top-ups and withdrawals. Each status has a rank
 * along the flow; final statuses end it. A report is applied only when it moves forward.
 */
export type StatusMachine<S extends string> = {
  rank: Record<S, number>;
  final: readonly S[];
};

/**
 * - `apply`: moves forward;
 * - `same`: nothing new;
 * - `stale`: behind what we know (late or out-of-order), recorded, not applied;
 * - `conflict`: a different final outcome than the final one we hold, for a manager.
 */
export type Decision = "apply" | "same" | "stale" | "conflict";

export function decide<S extends string>(
  machine: StatusMachine<S>,
  current: S,
  reported: S,
): Decision {
  if (current === reported) return "same";
  const currentFinal = isFinal(machine, current);
  if (currentFinal) return isFinal(machine, reported) ? "conflict" : "stale";
  return machine.rank[reported] > machine.rank[current] ? "apply" : "stale";
}

/** Whether a status (ours, or a word an upstream reported) ends the order's life. */
export function isFinal<S extends string>(
  machine: StatusMachine<S>,
  status: string | null | undefined,
): status is S {
  return (machine.final as readonly (string | null | undefined)[]).includes(status);
}
