"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";

import { TextLink } from "@/components/ui/button";
import { REVIEW_ITEM_REASONS } from "@/db/enums";
import { links } from "@/lib/overview/links";
import type { OverviewJson } from "@/lib/overview/overview";

import { count } from "./format";
import { Panel } from "./panel";

/** The review queue's open items by reason, each a link into the queue. */
export function ReviewCounts({ data }: { data: NonNullable<OverviewJson["review"]> }) {
  const o = useTranslations("overview");
  const q = useTranslations("queue");
  return (
    <Panel
      title={o("reviewOpen")}
      action={
        <TextLink href={links.review()} size="sm">
          {o("openQueue", { count: data.open })}
        </TextLink>
      }
    >
      <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
        {REVIEW_ITEM_REASONS.map((reason) => (
          <li key={reason}>
            <Link
              href={links.review({ reason })}
              className="flex items-center justify-between rounded-md px-3 py-2 text-sm ring-1 ring-slate-200 hover:bg-slate-50"
              data-testid={`review-open-${reason}`}
            >
              <span>{q(`reason.${reason}`)}</span>
              <span className="font-semibold tabular-nums">
                {count(data.byReason[reason] ?? 0)}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
