"use client";

import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useState } from "react";

import { NavLinks } from "./nav-links";

/**
 * Below the `md` width the navigation folds behind a menu button (the sidebar is hidden),
 * so a phone shows the page, not eleven links; it folds again after each navigation.
 */
export function MobileNav({
  items,
}: {
  items: { href: string; label: string; badge?: ReactNode }[];
}) {
  const t = useTranslations("nav");
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  // eslint-disable-next-line react-hooks/set-state-in-effect -- a navigation closes the menu
  useEffect(() => setOpen(false), [pathname]);
  return (
    <div className="w-full md:hidden">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="mobile-nav"
        onClick={() => setOpen((o) => !o)}
        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700"
      >
        {open ? t("closeMenu") : t("menu")}
      </button>
      {open && (
        <div id="mobile-nav" className="mt-2">
          <NavLinks items={items} />
        </div>
      )}
    </div>
  );
}
