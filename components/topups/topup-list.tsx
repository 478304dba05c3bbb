"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";

import { requeryTopupAction } from "@/app/(app)/topups/actions";
import { useLiveChanges } from "@/components/live-changes";
import { ReviewBadge, StatusBadge } from "@/components/status-badge";
import { ui } from "@/components/ui/styles";
import { formatDateTime, formatSatang } from "@/lib/format";
import type { TopupJson } from "@/lib/topups/topup-view";

import { TopupFilters } from "./topup-filters";

type Page = { items: TopupJson[]; nextCursor: string | null };
type Option = { id: string | number; label: string };

const BULK_CONCURRENCY = 4;

async function fetchPage(query: string): Promise<Page> {
  const res = await fetch(`/api/topups?${query}`, { cache: "no-store" });
  if (!res.ok) throw new Error(String(res.status));
  return (await res.json()) as Page;
}

export function TopupList({
  packages,
  users,
  canRequery,
  canExport,
}: {
  packages: Option[];
  users: Option[];
  canRequery: boolean;
  canExport: boolean;
}) {
  const t = useTranslations();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const query = params.toString();
  const client = useQueryClient();
  const { data, isPending, isError } = useQuery({
    queryKey: ["topups", query],
    queryFn: () => fetchPage(query),
    placeholderData: (previous) => previous,
  });
  useLiveChanges("topup", () => void client.invalidateQueries({ queryKey: ["topups"] }));

  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState<Set<string>>(new Set());
  const [progress, setProgress] = useState<{ done: number; failed: number; total: number } | null>(
    null,
  );
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const navigate = (next: URLSearchParams) => {
    setSelected(new Set());
    router.push(`${pathname}${next.size > 0 ? `?${next.toString()}` : ""}`);
  };
  const filtersOnly = new URLSearchParams(params);
  filtersOnly.delete("cursor");

  async function requery(refId: string): Promise<boolean> {
    setBusy((b) => new Set(b).add(refId));
    try {
      const result = await requeryTopupAction({ refId });
      if (!result.ok) setMessage({ ok: false, text: `${refId}: ${result.error.message}` });
      return result.ok;
    } finally {
      setBusy((b) => {
        const next = new Set(b);
        next.delete(refId);
        return next;
      });
      void client.invalidateQueries({ queryKey: ["topups"] });
    }
  }

  async function requerySelected() {
    const ids = [...selected];
    const state = { done: 0, failed: 0, total: ids.length };
    setProgress({ ...state });
    setMessage(null);
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(BULK_CONCURRENCY, ids.length) }, async () => {
        while (next < ids.length) {
          const id = ids[next++];
          if (!id) break;
          const ok = await requery(id);
          state.done++;
          if (!ok) state.failed++;
          setProgress({ ...state });
        }
      }),
    );
    setSelected(new Set());
  }

  const items = data?.items ?? [];
  const allSelected = items.length > 0 && items.every((i) => selected.has(i.refId));

  return (
    <div className="space-y-4">
      <TopupFilters params={filtersOnly} packages={packages} users={users} onApply={navigate} />
      <div className="flex flex-wrap items-center gap-3">
        {canRequery && (
          <button
            type="button"
            className={ui.buttonSecondary}
            disabled={selected.size === 0 || busy.size > 0}
            onClick={requerySelected}
          >
            {t("topups.requerySelected", { count: selected.size })}
          </button>
        )}
        {progress && (
          <span role="status" className="text-sm text-slate-600" data-testid="bulk-progress">
            {t("topups.bulkProgress", progress)}
          </span>
        )}
        {canExport && (
          <a
            href={`/api/topups/export?${filtersOnly.toString()}`}
            className={`${ui.buttonSecondary} ml-auto`}
            download
          >
            {t("topups.export")}
          </a>
        )}
        <span className="inline-flex items-center gap-1 text-xs text-emerald-700">
          <span className="h-2 w-2 animate-pulse rounded-full bg-emerald-500" aria-hidden />
          {t("topups.live")}
        </span>
      </div>
      {message && (
        <p role="alert" className={message.ok ? ui.success : ui.error}>
          {message.text}
        </p>
      )}
      <div className={`${ui.card} overflow-x-auto p-0`}>
        <table className={ui.table} data-testid="topup-table">
          <thead className="bg-slate-50">
            <tr>
              {canRequery && (
                <th className={ui.th}>
                  <input
                    type="checkbox"
                    aria-label={t("topups.selectAll")}
                    checked={allSelected}
                    onChange={() =>
                      setSelected(allSelected ? new Set() : new Set(items.map((i) => i.refId)))
                    }
                  />
                </th>
              )}
              <th className={ui.th}>{t("topups.refId")}</th>
              <th className={ui.th}>{t("topups.status")}</th>
              <th className={ui.th}>{t("topups.game")}</th>
              <th className={ui.th}>{t("topups.gameId")}</th>
              <th className={`${ui.th} text-right`}>{t("topups.price")}</th>
              <th className={ui.th}>{t("topups.createdBy")}</th>
              <th className={ui.th}>{t("topups.createdAt")}</th>
              <th className={ui.th}>{t("topups.orderId")}</th>
              {canRequery && <th className={ui.th}>{t("common.actions")}</th>}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {isPending && (
              <tr>
                <td className={ui.td} colSpan={10}>
                  {t("topups.loading")}
                </td>
              </tr>
            )}
            {isError && (
              <tr>
                <td className={`${ui.td} text-red-700`} colSpan={10}>
                  {t("topups.loadFailed")}
                </td>
              </tr>
            )}
            {!isPending && !isError && items.length === 0 && (
              <tr>
                <td className={ui.td} colSpan={10}>
                  {t("topups.empty")}
                </td>
              </tr>
            )}
            {items.map((row) => (
              <tr key={row.refId} data-ref-id={row.refId}>
                {canRequery && (
                  <td className={ui.td}>
                    <input
                      type="checkbox"
                      aria-label={t("topups.selectRow", { refId: row.refId })}
                      checked={selected.has(row.refId)}
                      onChange={() =>
                        setSelected((s) => {
                          const next = new Set(s);
                          if (next.has(row.refId)) next.delete(row.refId);
                          else next.add(row.refId);
                          return next;
                        })
                      }
                    />
                  </td>
                )}
                <td className={`${ui.td} font-mono text-xs`}>
                  <Link href={`/topups/${row.refId}`} className="text-indigo-700 hover:underline">
                    {row.refId}
                  </Link>
                </td>
                <td className={ui.td}>
                  <StatusBadge status={row.status} />
                  <ReviewBadge reason={row.needsReview} />
                </td>
                <td className={ui.td}>{row.game ?? row.packageId}</td>
                <td className={`${ui.td} font-mono text-xs`}>
                  {Object.values(row.topupInfo)[0] ?? ""}
                </td>
                <td className={`${ui.td} text-right tabular-nums`}>
                  {formatSatang(row.priceSatang)}
                </td>
                <td className={ui.td}>{row.createdBy}</td>
                <td className={`${ui.td} tabular-nums`}>
                  {formatDateTime(new Date(row.createdAt))}
                </td>
                <td className={`${ui.td} font-mono text-xs`}>{row.orderId ?? t("common.none")}</td>
                {canRequery && (
                  <td className={ui.td}>
                    <button
                      type="button"
                      className={ui.buttonSecondary}
                      disabled={!row.orderId || busy.has(row.refId)}
                      title={row.orderId ? undefined : t("topups.noOrderId")}
                      onClick={() => void requery(row.refId)}
                    >
                      {busy.has(row.refId) ? t("topups.requerying") : t("topups.requery")}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex gap-2">
        {params.has("cursor") && (
          <button
            type="button"
            className={ui.buttonSecondary}
            onClick={() => navigate(filtersOnly)}
          >
            {t("topups.firstPage")}
          </button>
        )}
        {data?.nextCursor && (
          <button
            type="button"
            className={ui.buttonSecondary}
            onClick={() => {
              const next = new URLSearchParams(filtersOnly);
              next.set("cursor", data.nextCursor ?? "");
              navigate(next);
            }}
          >
            {t("common.next")}
          </button>
        )}
      </div>
      <p className="text-xs text-slate-500">{t("common.timeZoneNote")}</p>
    </div>
  );
}
