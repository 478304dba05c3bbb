import { getTranslations } from "next-intl/server";

import { CallLog } from "@/components/logs/call-log";
import { ui } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/guard";

export default async function UpstreamCallsPage() {
  await requirePageUser("callback:view");
  const t = await getTranslations("logs");
  return (
    <div className="space-y-6">
      <div>
        <h1 className={ui.h1}>{t("callsTitle")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("callsIntro")}</p>
      </div>
      <CallLog />
    </div>
  );
}
