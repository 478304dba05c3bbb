"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type ChangeEvent, useState } from "react";
import { toast } from "sonner";

import { Button } from "@/components/ui/button";
import { CardSection } from "@/components/ui/card-section";
import { ui } from "@/components/ui/styles";
import { TableHead } from "@/components/ui/table-head";
import { ApiRefusal, sendJson, type ShownProblem } from "@/lib/api/client";
import type { ImportPreview } from "@/lib/catalog/catalog-admin";
import { formatSatang } from "@/lib/format";

type Counts = { inserted: number; updated: number; unchanged: number };

/**
 * Reads a catalog file in the browser and asks the server what it would do (`POST
 * /api/packages?preview=1`: checked whole with the same rules as `catalog:import` and the
 * editor, nothing written); the person sees what it adds, changes and deactivates, and only
 * their confirm imports it. Cancel leaves the catalog as it is.
 */
export function CatalogImport() {
  const t = useTranslations("catalog");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const [file, setFile] = useState<{ name: string; body: unknown } | null>(null);
  const check = useMutation({
    mutationFn: async (chosen: File) => {
      const text = await chosen.text();
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        const message = tErrors("CATALOG_NOT_JSON");
        throw new ApiRefusal("CATALOG_NOT_JSON", message, 400, [
          { field: "file", code: "CATALOG_NOT_JSON", message },
        ]);
      }
      const preview = await sendJson<ImportPreview>(
        "POST",
        "/api/packages?preview=1",
        body,
        tErrors("NETWORK"),
      );
      setFile({ name: chosen.name, body });
      return preview;
    },
  });
  const apply = useMutation({
    mutationFn: (body: unknown) =>
      sendJson<Counts>("POST", "/api/packages", body, tErrors("NETWORK")),
    onSuccess: (counts) => {
      toast.success(t("imported", counts));
      setFile(null);
      check.reset();
      router.refresh();
    },
  });

  function onChange(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    event.target.value = "";
    apply.reset();
    setFile(null);
    if (chosen) check.mutate(chosen);
  }

  const refusal = check.error ?? apply.error;
  const problems: ShownProblem[] = refusal instanceof ApiRefusal ? refusal.problems : [];
  const preview = file ? check.data : undefined;
  const nothing =
    preview && preview.add.length + preview.change.length + preview.deactivate.length === 0;
  return (
    <CardSection id="catalog-import" title={t("import")} intro={t("importHelp")}>
      <input
        type="file"
        accept="application/json,.json"
        aria-label={t("import")}
        onChange={onChange}
        disabled={check.isPending || apply.isPending}
        className="block text-sm"
      />
      <div aria-live="polite" className="space-y-3">
        {check.isPending && <p className="text-sm text-slate-600">{t("checking")}</p>}
        {preview && file && (
          <div className="space-y-3" data-testid="import-preview">
            <p className="text-sm font-medium">
              {t("previewTitle", {
                file: file.name,
                add: preview.add.length,
                change: preview.change.length,
                deactivate: preview.deactivate.length,
                unchanged: preview.unchanged,
              })}
            </p>
            <PreviewList
              testId="import-add"
              title={t("willAdd")}
              items={preview.add.map(
                (p) => `${p.packageId} · ${p.name} · ${formatSatang(p.priceSatang)}`,
              )}
            />
            <PreviewList
              testId="import-change"
              title={t("willChange")}
              items={preview.change.map(
                (p) =>
                  `${p.packageId} · ${p.name} (${p.fields.map((f) => t(`changed.${f}` as "changed.name")).join(", ")})`,
              )}
            />
            <PreviewList
              testId="import-deactivate"
              title={t("willDeactivate")}
              items={preview.deactivate.map((p) => `${p.packageId} · ${p.name}`)}
            />
            <div className="flex flex-wrap gap-3">
              <Button
                type="button"
                disabled={apply.isPending || nothing}
                onClick={() => apply.mutate(file.body)}
              >
                {apply.isPending ? t("importing") : t("importConfirm")}
              </Button>
              <Button
                type="button"
                variant="secondary"
                disabled={apply.isPending}
                onClick={() => {
                  setFile(null);
                  check.reset();
                }}
              >
                {t("importCancel")}
              </Button>
            </div>
          </div>
        )}
        {refusal instanceof ApiRefusal && (
          <div className="space-y-2" role="alert">
            <p className={ui.error}>{problems.length > 0 ? t("refused") : refusal.message}</p>
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

function PreviewList({ title, items, testId }: { title: string; items: string[]; testId: string }) {
  if (items.length === 0) return null;
  return (
    <div data-testid={testId}>
      <p className="text-sm font-medium text-slate-700">
        {title} ({items.length})
      </p>
      <ul className="mt-1 max-h-48 list-disc space-y-0.5 overflow-y-auto pl-5 text-sm">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </div>
  );
}
