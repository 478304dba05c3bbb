import { getLocale, getTranslations } from "next-intl/server";

import { CatalogImport } from "@/components/admin/catalog-import";
import { ui } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/guard";
import { listCatalog } from "@/lib/catalog/catalog-admin";
import { getDb } from "@/lib/db";
import { formatSatang } from "@/lib/format";
import { Button, buttonVariants, LinkButton, TextLink } from "@/components/ui/button";
import { numeric, TableHead } from "@/components/ui/table-head";

type Search = Promise<{ q?: string; active?: string }>;

/** The catalog with search and an on-sale filter, both kept in the URL; import and export. */
export default async function PackagesPage({ searchParams }: { searchParams: Search }) {
  await requirePageUser("catalog:manage");
  const t = await getTranslations("catalog");
  const locale = (await getLocale()) as "th" | "en";
  const { q = "", active = "" } = await searchParams;
  const packages = await listCatalog(getDb(), {
    q: q.trim() || undefined,
    active: active === "1" ? true : active === "0" ? false : undefined,
  });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="space-y-1">
          <h1 className={ui.h1}>{t("title")}</h1>
          <p className="text-sm text-slate-600">{t("intro")}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <a
            href="/api/packages?format=file"
            className={buttonVariants({ variant: "secondary" })}
            download
          >
            {t("export")}
          </a>
          <LinkButton href="/admin/packages/new">{t("new")}</LinkButton>
        </div>
      </div>

      <form className="flex flex-wrap items-end gap-3" role="search">
        <div className="space-y-1">
          <label htmlFor="catalog-q" className={ui.label}>
            {t("search")}
          </label>
          <input id="catalog-q" name="q" defaultValue={q} className={`${ui.input} w-72`} />
        </div>
        <div className="space-y-1">
          <label htmlFor="catalog-active" className={ui.label}>
            {t("filter")}
          </label>
          <select id="catalog-active" name="active" defaultValue={active} className={ui.input}>
            <option value="">{t("all")}</option>
            <option value="1">{t("activeOnly")}</option>
            <option value="0">{t("inactiveOnly")}</option>
          </select>
        </div>
        <Button type="submit" variant="secondary">
          {t("apply")}
        </Button>
      </form>

      <section className={`${ui.card} relative overflow-x-auto p-0`}>
        <table className={ui.table}>
          <TableHead
            className="bg-slate-50"
            headings={[
              t("packageId"),
              t("game"),
              t("name"),
              ...numeric(t("price"), t("fieldsCount")),
              t("state"),
              { label: t("edit"), srOnly: true },
            ]}
          />
          <tbody className="divide-y divide-slate-100">
            {packages.map((p) => (
              <tr key={p.packageId} data-testid={`package-row-${p.packageId}`}>
                <td className={`${ui.td} font-mono text-xs`}>{p.packageId}</td>
                <td className={ui.td}>{p.game}</td>
                <td className={ui.td}>{p.name[locale]}</td>
                <td className={`${ui.td} text-right tabular-nums`}>
                  {formatSatang(p.priceSatang)}
                </td>
                <td className={`${ui.td} text-right tabular-nums`}>{p.fields.length}</td>
                <td className={ui.td}>
                  {p.active ? (
                    <span className="rounded bg-emerald-50 px-2 py-0.5 text-xs text-emerald-700">
                      {t("active")}
                    </span>
                  ) : (
                    <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-600">
                      {t("inactive")}
                    </span>
                  )}
                </td>
                <td className={ui.td}>
                  <TextLink
                    href={`/admin/packages/${encodeURIComponent(p.packageId)}`}
                    aria-label={`${t("edit")} ${p.packageId}`}
                  >
                    {t("edit")}
                  </TextLink>
                </td>
              </tr>
            ))}
            {packages.length === 0 && (
              <tr>
                <td colSpan={7} className={`${ui.td} text-slate-500`}>
                  {t("empty")}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </section>

      <CatalogImport />
    </div>
  );
}
