import { getLocale, getTranslations } from "next-intl/server";

import { NewTopupForm } from "@/components/topups/new-topup-form";
import { ui } from "@/components/ui/styles";
import { getDb } from "@/lib/db";
import { listPackages } from "@/db/queries/packages";
import { requirePageUser } from "@/lib/auth/guard";

export default async function NewTopupPage() {
  await requirePageUser("topup:create");
  const t = await getTranslations("newTopup");
  const locale = (await getLocale()) as "th" | "en";
  const packages = await listPackages(getDb(), { active: true });
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className={ui.h1}>{t("title")}</h1>
      <NewTopupForm
        packages={packages.map((p) => ({
          id: p.packageId,
          game: p.game,
          name: p.name[locale],
          priceSatang: p.priceSatang,
          fields: p.fields.map((f) => ({
            key: f.key,
            label: f.label[locale],
            required: f.required,
            options: f.options?.map((o) => ({ value: o.value, label: o.label[locale] })),
          })),
        }))}
      />
    </div>
  );
}
