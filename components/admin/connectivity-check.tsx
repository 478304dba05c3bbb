"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";
import { CardSection } from "@/components/ui/card-section";
import { ui } from "@/components/ui/styles";
import { TableHead } from "@/components/ui/table-head";
import { ApiRefusal, sendJson } from "@/lib/api/client";
import type { Check } from "@/lib/connectivity/verdict";

const TONE: Record<Check["verdict"], string> = {
  works: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  credentials_refused: "bg-red-50 text-red-800 ring-red-200",
  timeout: "bg-amber-50 text-amber-800 ring-amber-200",
  cannot_connect: "bg-red-50 text-red-800 ring-red-200",
  unexpected: "bg-amber-50 text-amber-800 ring-amber-200",
};

/** The button and the verdict per upstream, with latency and what came back. */
export function ConnectivityCheck() {
  const t = useTranslations("connectivity");
  const tErrors = useTranslations("errors");
  const run = useMutation({
    mutationFn: () =>
      sendJson<{ p2w: Check; payout: Check }>("POST", "/api/connectivity", {}, tErrors("NETWORK")),
  });
  return (
    <CardSection id="connectivity" title={t("title")} intro={t("intro")}>
      <Button
        type="button"
        variant="secondary"
        onClick={() => run.mutate()}
        disabled={run.isPending}
      >
        {run.isPending ? t("running") : t("run")}
      </Button>
      {run.error instanceof ApiRefusal && (
        <p className={ui.error} role="alert">
          {run.error.message}
        </p>
      )}
      {run.data && (
        <table className={ui.table} data-testid="connectivity-result">
          <TableHead headings={[t("upstream"), t("verdictLabel"), t("latency"), t("answer")]} />
          <tbody className="divide-y divide-slate-100">
            {(["p2w", "payout"] as const).map((upstream) => {
              const check = run.data[upstream];
              return (
                <tr key={upstream} data-testid={`connectivity-${upstream}`}>
                  <td className={ui.td}>{t(upstream)}</td>
                  <td className={ui.td}>
                    <span
                      className={`rounded px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONE[check.verdict]}`}
                    >
                      {t(`verdict.${check.verdict}`)}
                    </span>
                  </td>
                  <td className={`${ui.td} tabular-nums`}>{t("ms", { ms: check.latencyMs })}</td>
                  <td className={`${ui.td} font-mono text-xs`}>
                    {[check.httpStatus && `HTTP ${check.httpStatus}`, check.code]
                      .filter(Boolean)
                      .join(" · ") || "—"}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </CardSection>
  );
}
