import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";

import { formatSatang } from "@/lib/format";
import type { StatusTotals } from "@/lib/overview/figures";

import { count } from "./format";

/**
 * One figure with its change against the span before. `better` says which way is good
 * ("up" for successes, "down" for failures), so the arrow is coloured by meaning, not sign.
 */
export function KpiTile({
  label,
  value,
  sub,
  now,
  before,
  better = "up",
  rate = false,
  href,
  testId,
}: {
  label: string;
  value: string;
  sub?: string;
  /** The raw figures compared (counts, satang, or rates 0–1). */
  now?: number | null;
  before?: number | null;
  better?: "up" | "down" | "none";
  /** The figures are rates: the change is in percentage points. */
  rate?: boolean;
  href?: string;
  testId?: string;
}) {
  const t = useTranslations("overview");
  const change = delta(now, before, rate);
  const good =
    change === null || change.direction === "flat" || better === "none"
      ? null
      : (change.direction === "up") === (better === "up");
  const body = (
    <>
      <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</p>
      <p className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums" data-testid={testId}>
        {value}
      </p>
      {sub && <p className="text-sm text-slate-600 tabular-nums">{sub}</p>}
      {change && (
        <p
          className={`mt-1 text-xs tabular-nums ${
            good === null ? "text-slate-500" : good ? "text-emerald-700" : "text-red-700"
          }`}
        >
          {change.direction === "up" ? "▲" : change.direction === "down" ? "▼" : "="}{" "}
          {change.kind === "new"
            ? t("changeNew")
            : t(change.kind === "points" ? "changePoints" : "changePercent", { n: change.n })}{" "}
          {t("vsBefore")}
        </p>
      )}
    </>
  );
  const box = "block rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200";
  return href ? (
    <Link
      href={href}
      className={`${box} hover:ring-indigo-300 focus-visible:outline-2 focus-visible:outline-indigo-600`}
    >
      {body}
    </Link>
  ) : (
    <div className={box}>{body}</div>
  );
}

/**
 * One status's count and value over the range (all statuses without `status`), against the
 * span before: the tiles of both order kinds.
 */
export function StatusTile({
  totals,
  previous,
  status,
  ...tile
}: {
  totals: StatusTotals;
  previous: StatusTotals;
  status?: string;
} & Omit<ComponentProps<typeof KpiTile>, "value" | "sub" | "now" | "before">) {
  const of = (t: StatusTotals) =>
    status === undefined
      ? t.total
      : { count: t.byStatus[status] ?? 0, amountSatang: t.amountByStatus[status] ?? 0 };
  const now = of(totals);
  return (
    <KpiTile
      {...tile}
      value={count(now.count)}
      sub={formatSatang(now.amountSatang)}
      now={now.count}
      before={of(previous).count}
    />
  );
}

/** The change from `before` to `now`: a percentage, or percentage points for rates (0–1). */
export function delta(
  now: number | null | undefined,
  before: number | null | undefined,
  rate: boolean,
): { direction: "up" | "down" | "flat"; kind: "percent" | "points" | "new"; n: string } | null {
  if (now === null || now === undefined || before === null || before === undefined) return null;
  const direction = now > before ? "up" : now < before ? "down" : "flat";
  if (rate) return { direction, kind: "points", n: (Math.abs(now - before) * 100).toFixed(1) };
  if (before === 0)
    return now === 0 ? { direction, kind: "percent", n: "0" } : { direction, kind: "new", n: "" };
  return {
    direction,
    kind: "percent",
    n: String(Math.round((Math.abs(now - before) / before) * 100)),
  };
}

/**
 * The range's tiles by status: every order in it (`totalLabel`), then one per status, each
 * read from the same totals, compared with the span before and linking to its list; more
 * failures is worse, more of the others is neither.
 */
export function StatusTiles({
  totals,
  previous,
  totalLabel,
  statuses,
  hrefOf,
  testIds,
}: {
  totals: StatusTotals;
  previous: StatusTotals;
  totalLabel: string;
  statuses: readonly string[];
  hrefOf: (status?: string) => string;
  /** Each tile's test id is this, a dash and `total` or its status. */
  testIds?: string;
}) {
  const t = useTranslations("status");
  return [undefined, ...statuses].map((status) => (
    <StatusTile
      key={status ?? "total"}
      totals={totals}
      previous={previous}
      status={status}
      label={status ? t(status as "failed") : totalLabel}
      better={status === undefined ? "none" : status === "failed" ? "down" : undefined}
      href={hrefOf(status)}
      testId={testIds && `${testIds}-${status ?? "total"}`}
    />
  ));
}
