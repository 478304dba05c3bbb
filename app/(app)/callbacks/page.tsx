import { getTranslations } from "next-intl/server";

import { CallbackLog } from "@/components/logs/callback-log";
import { ui } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { callbackLogPage } from "@/lib/logs/read-logs";
import { firstPage, type SearchParams } from "@/lib/orders/first-page";

export default async function CallbacksPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser("callback:view");
  const t = await getTranslations("logs");
  const db = getDb();
  const initial = await firstPage("callbacks", searchParams, (params) =>
    callbackLogPage(db, params),
  );
  return (
    <div className="space-y-6">
      <div>
        <h1 className={ui.h1}>{t("callbacksTitle")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("callbacksIntro")}</p>
      </div>
      <CallbackLog canReplay={can(user.role, "callback:replay")} initial={initial} />
    </div>
  );
}
