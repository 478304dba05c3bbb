"use client";

import { useTranslations } from "next-intl";

import { BankName } from "@/components/bank-name";
import { StatusBadge } from "@/components/status-badge";
import { cardCell, ui } from "@/components/ui/styles";
import { CSV_BOM, csvRow } from "@/lib/csv";
import { bangkokDay, formatDateTime, formatSatang, satangToDecimal } from "@/lib/format";
import { wordsOf } from "@/lib/i18n/words";
import type { LookupAnswer } from "@/lib/for-user/withdrawals";
import { Button, TextLink } from "@/components/ui/button";
import { numeric, TableHead } from "@/components/ui/table-head";

/**
 * A look-up's answers, one row per pasted id: what was pasted (and the platform order id a
 * merchant order id led to), how the look-up went, and the withdrawal as now held — status,
 * amount, bank, masked account, name, paid time. Exported as CSV in the person's words, from
 * what is on the screen (the look-up itself is the audited act).
 */
export function LookupResults({ results }: { results: LookupAnswer[] }) {
  const t = useTranslations();
  const words = wordsOf(t);

  function exportCsv() {
    const header = [
      t("lookup.pasted"),
      t("export.withdrawals.platformOrderId"),
      t("export.withdrawals.merchantOrderId"),
      t("lookup.outcomeColumn"),
      t("export.withdrawals.status"),
      t("export.withdrawals.statusCode"),
      t("export.withdrawals.amountBaht"),
      t("export.withdrawals.bank"),
      t("export.withdrawals.bankCode"),
      t("export.withdrawals.accountNo"),
      t("export.withdrawals.accountName"),
      t("export.withdrawals.doneAt"),
      t("lookup.message"),
    ];
    const rows = results.map(({ pasted, outcome, withdrawal: w, error }) => [
      pasted,
      w?.platformOrderId ?? "",
      w?.merchantOrderId ?? "",
      t(`lookup.outcome.${outcome}`),
      w ? words.status(w.status) : "",
      w?.status ?? "",
      w ? satangToDecimal(w.amountSatang) : "",
      w ? words.bank(w.bank) : "",
      w?.bank ?? "",
      w?.accountNo ?? "",
      w?.accountName ?? "",
      w?.doneAt ? formatDateTime(w.doneAt) : "",
      error?.message ?? "",
    ]);
    const text = CSV_BOM + [header, ...rows].map(csvRow).join("");
    const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `withdrawal-lookup-${bangkokDay(new Date())}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  }

  const headings = [
    t("lookup.pasted"),
    t("lookup.outcomeColumn"),
    t("withdrawals.status"),
    t("withdrawals.amount"),
    t("withdrawals.bank"),
    t("withdrawals.accountNo"),
    t("withdrawals.accountName"),
    t("lookup.paidAt"),
    t("lookup.message"),
  ];
  // On a phone each answer is a card of labelled lines, as the lists' rows are.
  const cell = (label: number, extra = "") => cardCell(headings[label] ?? "", extra);
  return (
    <div className="space-y-2">
      <div className="relative overflow-x-auto">
        <table className={`${ui.table} ${ui.cardTable}`} data-testid="lookup-results">
          <TableHead
            className={ui.cardHead}
            headings={[
              ...headings.slice(0, 3),
              ...numeric(headings[3]),
              ...headings.slice(4),
              { label: t("lookup.open"), srOnly: true },
            ]}
          />
          <tbody className={`divide-y divide-slate-100 ${ui.cardTable}`}>
            {results.map((r) => {
              const w = r.withdrawal;
              const ageMinutes = w
                ? Math.max(
                    0,
                    Math.floor(
                      (new Date(r.answeredAt).getTime() - new Date(w.orderedAt).getTime()) / 60_000,
                    ),
                  )
                : 0;
              return (
                <tr
                  key={r.pasted}
                  data-outcome={r.outcome}
                  data-pasted={r.pasted}
                  className={ui.cardRow}
                >
                  <td {...cell(0, "font-mono text-xs max-md:break-all")}>
                    <span>
                      {r.pasted}
                      {w && w.platformOrderId !== r.pasted && (
                        <span className="block font-sans text-slate-500" data-testid="lookup-via">
                          {t("lookup.via", { platformOrderId: w.platformOrderId })}
                        </span>
                      )}
                    </span>
                  </td>
                  <td {...cell(1, "whitespace-normal")}>
                    <span>
                      {t(`lookup.outcome.${r.outcome}`)}
                      {r.outcome === "stored" && w && (
                        <span className="block text-xs text-slate-500">
                          {t("lookup.storedAsOf", { time: formatDateTime(w.updatedAt) })}
                        </span>
                      )}
                      {r.outcome === "held_unknown" && w && (
                        <span className="block text-xs text-slate-500" data-testid="lookup-age">
                          {t("lookup.heldSince", {
                            time: formatDateTime(w.orderedAt),
                            hours: Math.floor(ageMinutes / 60),
                            minutes: ageMinutes % 60,
                          })}
                        </span>
                      )}
                    </span>
                  </td>
                  <td {...cell(2)}>{w ? <StatusBadge status={w.status} /> : null}</td>
                  <td {...cell(3, "text-right tabular-nums max-md:text-left")}>
                    {w ? formatSatang(w.amountSatang) : ""}
                  </td>
                  <td {...cell(4)}>{w ? <BankName code={w.bank} /> : null}</td>
                  <td {...cell(5, "font-mono text-xs")}>{w?.accountNo}</td>
                  <td {...cell(6)}>{w?.accountName}</td>
                  <td {...cell(7, "tabular-nums")}>{w?.doneAt ? formatDateTime(w.doneAt) : ""}</td>
                  <td {...cell(8, "whitespace-normal text-xs text-slate-600")}>
                    {r.error?.message}
                  </td>
                  <td className={`${ui.td} ${ui.cardCell}`}>
                    {w && (
                      <TextLink href={`/withdrawals/${w.platformOrderId}`}>
                        {t("lookup.open")}
                      </TextLink>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Button type="button" variant="secondary" onClick={exportCsv}>
        {t("lookup.export")}
      </Button>
    </div>
  );
}
