import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { PackageEditor } from "@/components/admin/package-editor";
import { ui } from "@/components/ui/styles";
import { getPackage } from "@/db/queries/packages";
import { requirePageUser } from "@/lib/auth/guard";
import { toCatalogEntry } from "@/lib/catalog/catalog-admin";
import { getDb } from "@/lib/db";

export default async function EditPackagePage({
  params,
}: {
  params: Promise<{ packageId: string }>;
}) {
  await requirePageUser("catalog:manage");
  const { packageId } = await params;
  const row = await getPackage(getDb(), decodeURIComponent(packageId));
  if (!row) notFound();
  const t = await getTranslations("catalog");
  return (
    <div className="max-w-5xl space-y-4">
      <h1 className={ui.h1}>{t("editTitle", { packageId: row.packageId })}</h1>
      {/* Keyed by the last change, so a saved edit reloads the form from the database. */}
      <PackageEditor key={row.updatedAt.getTime()} initial={toCatalogEntry(row)} />
    </div>
  );
}
