import { getTranslations } from "next-intl/server";

import { ReviewQueue } from "@/components/review/review-queue";
import { ui } from "@/components/ui/styles";
import { getDb } from "@/lib/db";
import { requirePageUser } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { getSettings } from "@/lib/settings/settings";

export default async function ReviewPage() {
  const user = await requirePageUser("review:view");
  const t = await getTranslations("queue");
  const { reviewSlaHours } = await getSettings(getDb());
  return (
    <div className="space-y-4">
      <div>
        <h1 className={ui.h1}>{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("intro", { hours: reviewSlaHours })}</p>
      </div>
      <ReviewQueue me={user.id} canAct={can(user.role, "review:act")} slaHours={reviewSlaHours} />
    </div>
  );
}
