"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ChangeEvent } from "react";

import { CardSection } from "@/components/ui/card-section";
import { ui } from "@/components/ui/styles";
import { TableHead } from "@/components/ui/table-head";
import { ApiRefusal, sendJson, type ShownProblem } from "@/lib/api/client";

type Counts = { inserted: number; updated: number; unchanged: number };

/**
 * Reads a catalog file in the browser and posts it to `POST /api/packages`; the server
 * checks it whole with the same rules as `catalog:import` and the editor.
 */
export function CatalogImport() {
  const t = useTranslations("catalog");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const upload = useMutation({
    mutationFn: async (file: File) => {
      const text = await file.text();
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        const message = tErrors("CATALOG_NOT_JSON");
        throw new ApiRefusal("CATALOG_NOT_JSON", message, 400, [
          { field: "file", code: "CATALOG_NOT_JSON", message },
        ]);
      }
      return sendJson<Counts>("POST", "/api/packages", body, tErrors("NETWORK"));
    },
    onSuccess: () => router.refresh(),
  });

  function onChange(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (file) upload.mutate(file);
  }

  const problems: ShownProblem[] = upload.error instanceof ApiRefusal ? upload.error.problems : [];
  return (
    <CardSection id="catalog-import" title={t("import")} intro={t("importHelp")}>
      <input
        type="file"
        accept="application/json,.json"
        aria-label={t("import")}
        onChange={onChange}
        disabled={upload.isPending}
        className="block text-sm"
      />
      <div aria-live="polite">
        {upload.isPending && <p className="text-sm text-slate-600">{t("importing")}</p>}
        {upload.data && <p className={ui.success}>{t("imported", upload.data)}</p>}
        {upload.error instanceof ApiRefusal && (
          <div className="space-y-2" role="alert">
            <p className={ui.error}>{problems.length > 0 ? t("refused") : upload.error.message}</p>
            {problems.length > 0 && (
              <table className={ui.table}>
                <TableHead headings={[t("position"), t("packageId"), t("where"), t("problem")]} />
                <tbody className="divide-y divide-slate-100">
                  {problems.map((p, i) => (
                    <tr key={i}>
                      <td className={`${ui.td} tabular-nums`}>{p.entry?.position ?? "—"}</td>
                      <td className={`${ui.td} font-mono text-xs`}>{p.entry?.packageId ?? "—"}</td>
                      <td className={`${ui.td} font-mono text-xs`}>{p.field || "—"}</td>
                      <td className={`${ui.td} whitespace-normal`}>{p.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        )}
      </div>
    </CardSection>
  );
}
