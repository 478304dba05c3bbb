import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { ui } from "@/components/ui/styles";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <main className="flex min-h-[60vh] items-center justify-center px-4">
      <div className={`${ui.card} max-w-md text-center`}>
        <p className="text-sm font-semibold text-slate-500">404</p>
        <h1 className={`${ui.h1} mt-1`}>{t("title")}</h1>
        <p className="mt-2 text-slate-600">{t("body")}</p>
        <Link href="/" className={`${ui.buttonSecondary} mt-4`}>
          {t("back")}
        </Link>
      </div>
    </main>
  );
}
