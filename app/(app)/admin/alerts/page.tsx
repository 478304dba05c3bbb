import { getTranslations } from "next-intl/server";

import { AlertChannels } from "@/components/admin/alert-channels";
import { ui } from "@/components/ui/styles";
import { deliveriesJson } from "@/lib/alerts/alerts-admin";
import { listChannelsJson } from "@/lib/alerts/channel-admin";
import { requirePageUser } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";

export default async function AlertsAdminPage() {
  await requirePageUser("settings:manage");
  const t = await getTranslations("alertsAdmin");
  const db = getDb();
  const channels = await listChannelsJson(db);
  const { items } = await deliveriesJson(db, new URLSearchParams());
  return (
    <div className="max-w-5xl space-y-6">
      <div className="space-y-1">
        <h1 className={ui.h1}>{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </div>
      <AlertChannels initialChannels={channels} initialDeliveries={items} />
    </div>
  );
}
