import { getTranslations } from "next-intl/server";

import { ReviewQueue } from "@/components/review/review-queue";
import { ui } from "@/components/ui/styles";
import { getDb } from "@/lib/db";
import { requirePageUser } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { firstPage, type SearchParams } from "@/lib/orders/first-page";
import { reviewPage } from "@/lib/review/read-review";
import { getSettings } from "@/lib/settings/settings";

export default async function ReviewPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser("review:view");
  const t = await getTranslations("queue");
  const db = getDb();
  // The ages in the HTML count from this instant (the browser's first render too).
  const renderedAt = new Date().getTime();
  const [{ reviewSlaHours }, initial] = await Promise.all([
    getSettings(db),
    firstPage("review", searchParams, (params) => reviewPage(db, user.id, params)),
  ]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className={ui.h1}>{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("intro", { hours: reviewSlaHours })}</p>
      </div>
      <ReviewQueue
        me={user.id}
        canAct={can(user.role, "review:act")}
        slaHours={reviewSlaHours}
        initial={initial}
        renderedAt={renderedAt}
      />
    </div>
  );
}
