import { getTranslations } from "next-intl/server";

import { ConnectivityCheck } from "@/components/admin/connectivity-check";
import { SettingsForm } from "@/components/admin/settings-form";
import { ui } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { getSettings } from "@/lib/settings/settings";

export default async function SettingsPage() {
  await requirePageUser("settings:manage");
  const t = await getTranslations("settings");
  const settings = await getSettings(getDb());
  return (
    <div className="max-w-4xl space-y-6">
      <div className="space-y-1">
        <h1 className={ui.h1}>{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </div>
      <SettingsForm initial={settings} />
      <ConnectivityCheck />
    </div>
  );
}
