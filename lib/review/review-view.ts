import type { ApprovalListRow } from "@/db/queries/approvals";
import type { ReviewListRow } from "@/db/queries/review-items";
import type { ApprovalStatus, EntityKind, ReviewItemReason } from "@/db/enums";

type PersonRef = { id: number; name: string } | null;

const personRef = (id: number | null, name: string | null): PersonRef =>
  id === null ? null : { id, name: name ?? `#${id}` };

/**
 * The `ReviewItem` of the JSON API (times ISO-8601 UTC), plus `order`: what the queue shows
 * of the order without opening it (its status and money).
 */
export type ReviewItemJson = {
  id: number;
  kind: EntityKind;
  entityId: string;
  reason: ReviewItemReason;
  detail: Record<string, unknown> | null;
  openedAt: string;
  claimedBy: PersonRef;
  claimedAt: string | null;
  resolvedAt: string | null;
  outcome: string | null;
  note: string | null;
  resolvedBy: PersonRef;
  order: {
    status: string | null;
    amountSatang: number | null;
    /** The package (top-up) or bank (withdrawal). */
    label: string | null;
    /** The upstream's failure code (top-up). */
    reason: string | null;
    /** How many times the reconciler asked. */
    attempts: number | null;
  };
};

export function toReviewItemJson(row: ReviewListRow): ReviewItemJson {
  const { item } = row;
  return {
    id: item.id,
    kind: item.kind,
    entityId: item.entityId,
    reason: item.reason,
    detail: item.detail,
    openedAt: item.openedAt.toISOString(),
    claimedBy: personRef(item.claimedBy, row.claimedByName),
    claimedAt: item.claimedAt?.toISOString() ?? null,
    resolvedAt: item.resolvedAt?.toISOString() ?? null,
    outcome: item.outcome,
    note: item.note,
    resolvedBy: personRef(item.resolvedBy, row.resolvedByName),
    order:
      item.kind === "topup"
        ? {
            status: row.topup?.status ?? null,
            amountSatang: row.topup?.priceSatang ?? null,
            label: row.topup?.packageId ?? null,
            reason: row.topup?.reason ?? null,
            attempts: row.topup?.attempts ?? null,
          }
        : {
            status: row.withdrawal?.status ?? null,
            amountSatang: row.withdrawal?.amountSatang ?? null,
            label: row.withdrawal?.bank ?? null,
            reason: null,
            attempts: row.withdrawal?.attempts ?? null,
          },
  };
}

/** The `Approval` of the JSON API, plus the request's note and the order's price. */
export type ApprovalJson = {
  id: number;
  refId: string;
  requestedBy: PersonRef;
  requestedAt: string;
  requestNote: string;
  status: ApprovalStatus;
  decidedBy: PersonRef;
  decidedAt: string | null;
  note: string | null;
  reissueRefId: string | null;
  priceSatang: number;
  packageId: string;
};

export function toApprovalJson(row: ApprovalListRow): ApprovalJson {
  const { approval: a } = row;
  return {
    id: a.id,
    refId: a.refId,
    requestedBy: personRef(a.requestedBy, row.requestedByName),
    requestedAt: a.requestedAt.toISOString(),
    requestNote: a.requestNote,
    status: a.status,
    decidedBy: personRef(a.decidedBy, row.decidedByName),
    decidedAt: a.decidedAt?.toISOString() ?? null,
    note: a.note,
    reissueRefId: a.reissueRefId,
    priceSatang: row.priceSatang,
    packageId: row.packageId,
  };
}
