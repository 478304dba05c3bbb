"use client";

import { useTranslations } from "next-intl";

import { SelectCell } from "@/components/list-kit/row-cells";
import type { useSelection } from "@/components/list-kit/use-requery-runner";
import { Button } from "@/components/ui/button";
import { ShortId } from "@/components/ui/short-id";
import { ui } from "@/components/ui/styles";
import { formatDateTime } from "@/lib/format";
import type { CallbackJson } from "@/lib/logs/log-view";

import { CallbackDetail } from "./callback-detail";
import { formatDuration, ResultBadge, VerificationBadge } from "./log-badges";
import { OpenCell, OpenedRow } from "./log-table";

/**
 * One received callback: when, from whom, for which order, what became of it, who replayed
 * it; opened, its body and headers below it.
 */
export function CallbackRow({
  callback: c,
  canReplay,
  columns,
  selection,
  replaying,
  onReplay,
  open,
  onToggle,
}: {
  callback: CallbackJson;
  canReplay: boolean;
  columns: number;
  selection: ReturnType<typeof useSelection>;
  replaying: boolean;
  onReplay: () => void;
  open: boolean;
  onToggle: () => void;
}) {
  const t = useTranslations("logs");
  return (
    <>
      <tr data-callback-id={c.id} className={open ? "bg-indigo-50/40" : undefined}>
        {canReplay &&
          (c.replayable === "ok" ? (
            <SelectCell id={String(c.id)} selection={selection} name={`#${c.id}`} />
          ) : (
            <td className={ui.td} />
          ))}
        <OpenCell at={c.receivedAt} open={open} onToggle={onToggle} />
        <td className={ui.td}>{t(`upstreamName.${c.upstream}`)}</td>
        <td className={ui.td}>
          {c.orderHref && c.entityId ? <ShortId id={c.entityId} href={c.orderHref} /> : "—"}
        </td>
        <td className={ui.td}>
          {/* Refused: why; accepted: what processing made of it. */}
          {c.verification === "ok" ? (
            <ResultBadge result={c.result} />
          ) : (
            <VerificationBadge verification={c.verification} />
          )}
          {c.attempts > 1 && (
            <span className="ml-1 text-xs text-slate-500">
              {t("attemptsShort", { count: c.attempts })}
            </span>
          )}
        </td>
        <td className={`${ui.td} text-right tabular-nums`}>{formatDuration(c.processingMs)}</td>
        <td className={`${ui.tdWrap} min-w-40 text-xs`} data-testid="replayed">
          {c.replay
            ? t("replayedBy", {
                name: c.replay.by,
                at: formatDateTime(new Date(c.replay.at)),
                result: c.replay.result
                  ? t.has(`result.${c.replay.result}`)
                    ? t(`result.${c.replay.result}`)
                    : c.replay.result
                  : "…",
              })
            : ""}
        </td>
        {canReplay && (
          <td className={ui.td}>
            <Button
              type="button"
              variant="secondary"
              disabled={c.replayable !== "ok" || replaying}
              title={c.replayable === "ok" ? undefined : t(`notReplayable.${c.replayable}`)}
              onClick={onReplay}
            >
              {replaying ? t("replaying") : t("replay")}
            </Button>
          </td>
        )}
      </tr>
      {open && (
        <OpenedRow columns={columns}>
          <CallbackDetail id={c.id} version={`${c.result}-${c.replay?.count ?? 0}`} />
        </OpenedRow>
      )}
    </>
  );
}
