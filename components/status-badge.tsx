import { useTranslations } from "next-intl";

const COLORS: Record<string, string> = {
  submitting: "bg-slate-100 text-slate-700 ring-slate-300",
  unknown: "bg-amber-50 text-amber-800 ring-amber-300",
  pending: "bg-sky-50 text-sky-800 ring-sky-200",
  processing: "bg-indigo-50 text-indigo-800 ring-indigo-200",
  open: "bg-sky-50 text-sky-800 ring-sky-200",
  succeeded: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  success: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  failed: "bg-red-50 text-red-800 ring-red-200",
};

export function StatusBadge({ status }: { status: string | null }) {
  const t = useTranslations("status");
  const key = status ?? "null";
  return (
    <span
      data-status={key}
      className={`inline-flex items-center rounded-full px-2 whitespace-nowrap py-0.5 text-xs font-medium ring-1 ring-inset ${COLORS[key] ?? "bg-slate-50 text-slate-600 ring-slate-200"}`}
    >
      {t.has(key) ? t(key) : key}
    </span>
  );
}

/**
 * Why an order waits for a manager. Not shown when it would repeat the status badge beside
 * it (an order of unknown outcome is already badged "Unknown outcome").
 */
export function ReviewBadge({ reason, status }: { reason: string | null; status?: string }) {
  const t = useTranslations("review");
  if (!reason || (reason === "unknown_outcome" && status === "unknown")) return null;
  return (
    <span
      className="ml-1 inline-flex rounded whitespace-nowrap bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900"
      data-review={reason}
    >
      {t.has(reason) ? t(reason) : reason}
    </span>
  );
}
