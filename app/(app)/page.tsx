import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { ui } from "@/components/ui/styles";
import { requirePageUser } from "@/lib/auth/guard";
import { navItemsFor } from "@/lib/navigation";

export default async function HomePage() {
  const user = await requirePageUser("overview:view");
  const t = await getTranslations();
  const items = navItemsFor(user.role).filter((item) => item.href !== "/");
  return (
    <div className="space-y-6">
      <div>
        <h1 className={ui.h1}>{t("home.greeting", { name: user.name })}</h1>
        <p className="mt-1 text-slate-600">{t("home.role", { role: t(`roles.${user.role}`) })}</p>
      </div>
      {items.length > 0 && (
        <section className={ui.card}>
          <h2 className="text-sm font-semibold text-slate-700">{t("home.canUse")}</h2>
          <ul className="mt-3 flex flex-wrap gap-2">
            {items.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className={ui.buttonSecondary}>
                  {t(`nav.${item.key}`)}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="text-xs text-slate-500">{t("common.timeZoneNote")}</p>
    </div>
  );
}
