import { formatDateTime } from "@/lib/format";

/** A moment in a list: to the minute, the seconds on hover (Bangkok time). */
export function When({ at }: { at: string | null }) {
  if (!at) return null;
  return (
    <time dateTime={at} title={formatDateTime(at)} className="tabular-nums">
      {formatDateTime(at, { seconds: false })}
    </time>
  );
}
