import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import { LanguageSwitch } from "@/components/language-switch";
import { LiveChanges } from "@/components/live-changes";
import { MobileNav } from "@/components/mobile-nav";
import { NavLinks } from "@/components/nav-links";
import { Providers } from "@/components/providers";
import { SignOutButton } from "@/components/sign-out-button";
import { requirePageUser } from "@/lib/auth/guard";
import { ReviewCountBadge } from "@/components/review/review-count-badge";
import { getDb } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { navItemsFor } from "@/lib/navigation";
import { openReviewCount } from "@/lib/review/read-review";
import { WarningBanner } from "@/components/warning-banner";
import { currentWarnings } from "@/lib/overview/warnings";
import { getSettings } from "@/lib/settings/settings";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  const t = await getTranslations();
  const db = getDb();
  const openReview = can(user.role, "review:view") ? await openReviewCount(db) : null;
  const warnings = can(user.role, "warning:view")
    ? await currentWarnings(db, await getSettings(db))
    : null;
  const items = navItemsFor(user.role).map((item) => ({
    href: item.href,
    label: t(`nav.${item.key}`),
    ...(item.key === "review" && openReview !== null
      ? { badge: <ReviewCountBadge initial={openReview} /> }
      : {}),
  }));
  return (
    <Providers userId={user.id}>
      <LiveChanges>
        <div className="flex min-h-screen">
          <aside className="hidden w-60 shrink-0 border-r border-slate-200 bg-white p-4 md:block">
            <p className="mb-6 px-3 text-sm font-semibold text-slate-900">{t("common.appName")}</p>
            <NavLinks items={items} />
          </aside>
          <div className="flex min-w-0 flex-1 flex-col">
            <header className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 bg-white px-6 py-3">
              <MobileNav items={items} />
              <p className="text-sm text-slate-600" data-testid="current-user">
                <span className="font-medium text-slate-900">{user.name}</span> ·{" "}
                {t(`roles.${user.role}`)}
              </p>
              <div className="flex items-center gap-3">
                <LanguageSwitch />
                <SignOutButton />
              </div>
            </header>
            {warnings && <WarningBanner initial={warnings} />}
            <main className="flex-1 px-6 py-6">{children}</main>
          </div>
        </div>
      </LiveChanges>
    </Providers>
  );
}
