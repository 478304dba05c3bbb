import { getTranslations } from "next-intl/server";
import { Suspense } from "react";

import { Overview } from "@/components/overview/overview";
import { ui } from "@/components/ui/styles";
import { listPackages } from "@/db/queries/packages";
import { requirePageUser } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";

/** What a manager opens first each morning; every role sees the parts it may. */
export default async function OverviewPage() {
  const user = await requirePageUser("overview:view");
  const t = await getTranslations();
  const packageNames = can(user.role, "topup:view")
    ? Object.fromEntries((await listPackages(getDb())).map((p) => [p.packageId, p.name]))
    : {};
  return (
    <div className="space-y-6">
      <div>
        <h1 className={ui.h1}>{t("overview.title")}</h1>
        <p className="mt-1 text-slate-600">{t("home.greeting", { name: user.name })}</p>
      </div>
      <Suspense>
        <Overview packageNames={packageNames} />
      </Suspense>
      <p className="text-xs text-slate-500">{t("common.timeZoneNote")}</p>
    </div>
  );
}
