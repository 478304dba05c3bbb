import "server-only";

import { type Person, recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/db/client";
import type { P2wClient } from "@/lib/p2w/client";
import { P2wNotFoundError } from "@/lib/p2w/errors";
import type { PayoutClient } from "@/lib/payout/client";
import { PayoutNotFoundError } from "@/lib/payout/errors";
import { UpstreamError } from "@/lib/upstream/errors";

import type { Check, Verdict } from "./verdict";

/** Ids no real order can have: P2W's is not one of theirs, the gateway's has a 1970 date. */
export const CHECK_IDS = { p2w: "CONNECTIVITY-CHECK", payout: "CHKW19700101CONNECTCHECK" };

const VERDICT_OF: Partial<Record<UpstreamError["kind"], Verdict>> = {
  unauthorized: "credentials_refused",
  timeout: "timeout",
  network: "cannot_connect",
};

/**
 * One signed read, a single attempt: "not found" proves the signature and credentials were
 * accepted (the upstream looked the id up). The call is in the upstream call log like any
 * other, its actor `check:user:N` marking it as a check.
 */
async function probe(
  read: () => Promise<unknown>,
  notFound: (error: unknown) => boolean,
): Promise<Check> {
  const started = performance.now();
  const check = (verdict: Verdict, httpStatus: number | null, code: string | null): Check => ({
    verdict,
    latencyMs: Math.round(performance.now() - started),
    httpStatus,
    code,
  });
  try {
    await read();
    // Found an order that cannot exist: the upstream is not answering what we think it is.
    return check("unexpected", 200, "FOUND");
  } catch (error) {
    if (notFound(error)) return check("works", 404, null);
    if (!(error instanceof UpstreamError)) throw error;
    return check(VERDICT_OF[error.kind] ?? "unexpected", error.httpStatus, error.code);
  }
}

/** Both checks at once; the person who asked is audited with the verdicts. */
export async function checkConnectivity(
  deps: { db: Db; p2w: P2wClient; payout: PayoutClient },
  person: Person,
): Promise<{ p2w: Check; payout: Check }> {
  const context = { actor: `check:user:${person.id}`, once: true };
  const [p2w, payout] = await Promise.all([
    probe(
      () => deps.p2w.getOrder(CHECK_IDS.p2w, context),
      (e) => e instanceof P2wNotFoundError,
    ),
    probe(
      () => deps.payout.queryWithdrawal(CHECK_IDS.payout, context),
      (e) => e instanceof PayoutNotFoundError,
    ),
  ]);
  await recordAudit(deps.db, person, "connectivity.check", {
    targetType: "upstreams",
    details: { p2w: p2w.verdict, payout: payout.verdict },
    ip: person.ip,
  });
  return { p2w, payout };
}
