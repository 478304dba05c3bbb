"use client";

import { useTranslations } from "next-intl";
import { usePathname, useRouter, useSearchParams } from "next/navigation";

import { ui } from "@/components/ui/styles";
import { formatDateTime } from "@/lib/format";

import { BalanceCard } from "./balance-card";
import { CallbackHealth } from "./callback-health";
import { RangePicker } from "./range-picker";
import { ReviewCounts } from "./review-counts";
import { TopupSection } from "./topup-section";
import { useOverview } from "./use-overview";
import { WithdrawalSection } from "./withdrawal-section";

/**
 * The overview: the range from the URL, the figures from `GET /api/overview` (only the parts
 * this person's role may see come back), refreshed live.
 */
export function Overview({
  packageNames,
}: {
  packageNames: Record<string, { th: string; en: string }>;
}) {
  const o = useTranslations("overview");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  const { data, error, isFetching } = useOverview(from, to);
  const days = data ? { from: data.range.from, to: data.range.to } : null;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <RangePicker
          from={from}
          to={to}
          onChange={(range) =>
            router.push(range ? `${pathname}?from=${range.from}&to=${range.to}` : pathname)
          }
        />
        <p className="text-xs text-slate-500" aria-live="polite" data-testid="overview-updated">
          {data && (
            <>
              <span className="mr-1 inline-block h-2 w-2 rounded-full bg-emerald-500" aria-hidden />
              {o("updated", { at: formatDateTime(data.generatedAt) })}
              {" · "}
              {formatDateTime(data.range.previous.until).endsWith(" 00:00:00")
                ? o("comparedWith", { from: data.range.previous.from, to: data.range.previous.to })
                : o("comparedWithUntil", {
                    from: data.range.previous.from,
                    to: data.range.previous.to,
                    time: formatDateTime(data.range.previous.until).slice(11, 16),
                  })}
            </>
          )}
          {isFetching && !data && o("loading")}
        </p>
      </div>
      {error && (
        <p role="alert" className={ui.error}>
          {error.message}
        </p>
      )}
      {data && days && (
        <>
          {data.review && <ReviewCounts data={data.review} />}
          {data.topups && (
            <TopupSection
              data={data.topups}
              days={days}
              packageNames={packageNames}
              canReview={data.review !== undefined}
            />
          )}
          {(data.balance || data.callbacks) && (
            <div className="grid gap-4 2xl:grid-cols-2">
              {data.balance && <BalanceCard data={data.balance} />}
              {data.callbacks && <CallbackHealth data={data.callbacks} />}
            </div>
          )}
          {data.withdrawals && (
            <WithdrawalSection
              data={data.withdrawals}
              days={days}
              canReview={data.review !== undefined}
            />
          )}
        </>
      )}
    </div>
  );
}
