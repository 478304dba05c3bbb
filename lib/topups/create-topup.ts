import "server-only";

import { createHash, randomUUID } from "node:crypto";

import { ulid } from "ulid";

import type { Tx } from "@/db/client";
import { lastBalance } from "@/db/queries/balance";
import { getPackage } from "@/db/queries/packages";
import { insertTopupOnce, type TopupPlan, changeTopupAtomically } from "@/db/queries/topups";
import type { TopupRow } from "@/db/schema";
import { type Person, recordAudit } from "@/lib/audit/record-audit";
import { gameIdOf, validateTopupInfo } from "@/lib/catalog/topup-fields";
import { AppError } from "@/lib/errors";
import { formatDateTime, formatSatang } from "@/lib/format";
import { hookUrl } from "@/lib/p2w/hook-token";
import { SUBMITTING_TIMEOUT_MS } from "@/lib/orders/schedule";
import { OutcomeUnknownError, UpstreamError } from "@/lib/upstream/errors";
import { upstreamToAppError } from "@/lib/upstream/to-app-error";

import type { TopupDeps } from "./deps";
import { planTopupObservation, planTopupRejected, planTopupUnknown } from "./observe";

export type CreateTopupInput = {
  packageId: string;
  topupInfo: Record<string, unknown>;
  /** Chosen by the caller per intended order; the same key never makes a second order. */
  idempotencyKey?: string;
};

/** A re-issue of a failed order: linked to it, and `within` writes in the insert's transaction. */
export type ReissueLink = { of: string; within: (tx: Tx, inserted: TopupRow) => Promise<void> };

export type CreateTopupResult =
  /** `created` false: an earlier request with this key already made (or is making) it. */
  { topup: TopupRow; created: boolean; error?: AppError };

function requestHash(packageId: string, info: Record<string, string>): string {
  const sorted = Object.fromEntries(Object.entries(info).sort(([a], [b]) => a.localeCompare(b)));
  return createHash("sha256")
    .update(JSON.stringify([packageId, sorted]))
    .digest("hex");
}

/**
 * Creates a manual top-up: validate against the package → store as `submitting` with a new
 * refID (idempotent per creator and key) → one signed POST /orders → `pending`, `failed`
 * with the upstream's code, or `unknown` when the outcome cannot be known. Never re-sent.
 */
export async function createTopup(
  deps: TopupDeps,
  person: Person,
  input: CreateTopupInput,
  reissue?: ReissueLink,
): Promise<CreateTopupResult> {
  const { db } = deps;
  const pkg = await getPackage(db, input.packageId);
  if (!pkg) throw new AppError("PACKAGE_NOT_FOUND", 404, { packageId: input.packageId });
  if (!pkg.active) throw new AppError("PACKAGE_INACTIVE", 400, { packageId: input.packageId });
  const topupInfo = validateTopupInfo(pkg, input.topupInfo);
  const hash = requestHash(pkg.packageId, topupInfo);
  const refId = `TU-${ulid()}`;
  const actor = `user:${person.id}`;

  const { topup, created } = await insertTopupOnce(
    db,
    {
      refId,
      packageId: pkg.packageId,
      topupInfo,
      gameId: gameIdOf(pkg, topupInfo),
      status: "submitting",
      priceSatang: pkg.priceSatang,
      createdBy: person.id,
      idempotencyKey: input.idempotencyKey ?? randomUUID(),
      requestHash: hash,
      reissueOf: reissue?.of ?? null,
      // Should this process die mid-call, the reconciler finds the order and marks it unknown.
      nextCheckAt: new Date(Date.now() + SUBMITTING_TIMEOUT_MS),
    },
    { fromStatus: null, toStatus: "submitting", kind: "applied", source: "create", actor },
    reissue?.within,
  );
  if (!created) {
    if (topup.requestHash !== hash) throw new AppError("IDEMPOTENCY_KEY_REUSED", 409);
    return { topup, created: false };
  }
  await recordAudit(db, person, reissue ? "topup.reissue" : "topup.create", {
    targetType: "topup",
    targetId: refId,
    details: {
      packageId: pkg.packageId,
      priceSatang: pkg.priceSatang,
      reissueOf: reissue?.of ?? null,
    },
    ip: person.ip,
  });

  return sendTopup(deps, { refId, packageId: pkg.packageId, topupInfo }, actor, topup);
}

/**
 * The create's one signed POST /orders for a top-up stored as `submitting`, and what its
 * answer makes of the order: `pending` (or whatever P2W says), `failed` with the upstream's
 * code, or `unknown` when the outcome cannot be known. Never re-sent.
 */
export async function sendTopup(
  deps: TopupDeps,
  order: { refId: string; packageId: string; topupInfo: Record<string, string> },
  actor: string,
  stored: TopupRow,
): Promise<CreateTopupResult> {
  const { db } = deps;
  const { refId, packageId, topupInfo } = order;
  const by = { source: "create" as const, actor };
  let plan: (current: TopupRow) => TopupPlan;
  let error: AppError | undefined;
  try {
    const answer = await deps.p2w.createOrder(
      {
        refId,
        packageId,
        topupInfo,
        hookUrl: hookUrl(deps.callbackUrl, deps.webhookSecret, refId),
      },
      { actor },
    );
    plan = (current) =>
      planTopupObservation(current, {
        ...by,
        status: answer.status,
        rawStatus: answer.rawStatus,
        orderId: answer.orderId,
      });
  } catch (caught) {
    if (!(caught instanceof UpstreamError)) throw caught;
    if (caught instanceof OutcomeUnknownError) {
      plan = (current) => planTopupUnknown(current, by, caught.underlying);
    } else {
      const params: Record<string, string> = { refId };
      if (caught.code === "INSUFFICIENT_BALANCE") {
        const balance = await lastBalance(db, "p2w");
        params.balance = balance ? formatSatang(balance.balanceSatang) : "—";
        params.balanceAt = balance ? formatDateTime(balance.at) : "—";
      }
      error = upstreamToAppError(caught, params);
      plan = (current) => planTopupRejected(current, by, caught);
    }
  }
  const applied = await changeTopupAtomically(db, refId, plan);
  return { topup: applied?.topup ?? stored, created: true, error };
}
