import { getTranslations } from "next-intl/server";

import { PackageEditor } from "@/components/admin/package-editor";
import { ui } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/guard";

export default async function NewPackagePage() {
  await requirePageUser("catalog:manage");
  const t = await getTranslations("catalog");
  return (
    <div className="max-w-5xl space-y-4">
      <h1 className={ui.h1}>{t("newTitle")}</h1>
      <PackageEditor initial={null} />
    </div>
  );
}
