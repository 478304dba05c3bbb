import { getTranslations } from "next-intl/server";

import { CallLog } from "@/components/logs/call-log";
import { ui } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { callLogAnswer } from "@/lib/logs/read-logs";
import { firstPage, type SearchParams } from "@/lib/orders/first-page";

export default async function UpstreamCallsPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageUser("callback:view");
  const t = await getTranslations("logs");
  const db = getDb();
  const initial = await firstPage("calls", searchParams, (params) => callLogAnswer(db, params));
  return (
    <div className="space-y-6">
      <div>
        <h1 className={ui.h1}>{t("callsTitle")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("callsIntro")}</p>
      </div>
      <CallLog initial={initial} />
    </div>
  );
}
