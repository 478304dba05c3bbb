"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

export function NavLinks({
  items,
}: {
  items: { href: string; label: string; badge?: ReactNode }[];
}) {
  const pathname = usePathname();
  return (
    <nav aria-label="main" className="flex flex-col gap-1">
      {items.map((item) => {
        // The most specific entry wins: /topups/new is not also "Top-ups".
        const matches = (href: string) =>
          href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
        const active =
          matches(item.href) &&
          !items.some((o) => o.href.length > item.href.length && matches(o.href));
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={`flex items-center justify-between gap-2 rounded-md px-3 py-2 text-sm font-medium ${
              active ? "bg-indigo-50 text-indigo-700" : "text-slate-700 hover:bg-slate-100"
            }`}
          >
            {/* Thai has no spaces: kept on one line, a label never breaks inside a word. */}
            <span className="whitespace-nowrap">{item.label}</span>
            {item.badge}
          </Link>
        );
      })}
    </nav>
  );
}
