import type { ReactNode } from "react";

import { LiveRefresh } from "@/components/live-refresh";
import { ReviewBadge, StatusBadge } from "@/components/status-badge";
import { ui } from "@/components/ui/styles";

/**
 * The top of an order's page: its title, its status with the review badge, the person's
 * re-query button (when they may), and the live refresh that keeps the page current.
 */
export function OrderHeading({
  kind,
  id,
  title,
  status,
  needsReview,
  requery,
}: {
  kind: "topup" | "withdrawal";
  id: string;
  title: string;
  status: string;
  needsReview: string | null;
  requery: ReactNode;
}) {
  return (
    <>
      <LiveRefresh type={kind} id={id} />
      <div className="flex flex-wrap items-center gap-3">
        {/* A long id wraps anywhere rather than pushing the page wider than a phone. */}
        <h1 className={`${ui.h1} min-w-0 [overflow-wrap:anywhere]`}>{title}</h1>
        <span data-testid={`${kind}-status`}>
          <StatusBadge status={status} />
        </span>
        <ReviewBadge reason={needsReview} status={status} />
        {requery}
      </div>
    </>
  );
}
