import { getLocale, getTranslations } from "next-intl/server";

import { TopupList } from "@/components/topups/topup-list";
import { ui } from "@/components/ui/styles";
import { getDb } from "@/lib/db";
import { listPackages } from "@/db/queries/packages";
import { listUsers } from "@/db/queries/users";
import { requirePageUser } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { firstPage, type SearchParams } from "@/lib/orders/first-page";
import { parseTopupQuery } from "@/lib/topups/list-query";
import { topupPage } from "@/lib/topups/read-topups";
import { LinkButton } from "@/components/ui/button";

export default async function TopupsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser("topup:view");
  const t = await getTranslations();
  const locale = (await getLocale()) as "th" | "en";
  const db = getDb();
  const [packages, users, initial] = await Promise.all([
    listPackages(db),
    listUsers(db),
    firstPage("topups", searchParams, (params) => topupPage(db, parseTopupQuery(params))),
  ]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className={ui.h1}>{t("topups.title")}</h1>
        {can(user.role, "topup:create") && (
          <LinkButton href="/topups/new">{t("topups.new")}</LinkButton>
        )}
      </div>
      <TopupList
        packages={packages.map((p) => ({
          id: p.packageId,
          label: `${p.game} · ${p.name[locale]}`,
        }))}
        users={users.map((u) => ({ id: u.id, label: u.name || u.email }))}
        canRequery={can(user.role, "topup:requery")}
        canExport={can(user.role, "topup:export")}
        initial={initial}
      />
    </div>
  );
}
