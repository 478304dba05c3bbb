"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";

import { problemsByField, sendJson } from "@/lib/api/client";
import { type CatalogEntry, checkPackage, priceFromBaht } from "@/lib/catalog/package-rules";

import { type Draft, toEntry } from "./package-draft";

/**
 * Saving a package from the editor: the draft is checked in the browser with the catalog's
 * own rules (package-rules) before it is sent; the server checks it again and its answer,
 * field by field, is shown the same way (`error(path)`).
 */
export function usePackageSave(creating: boolean) {
  const tErrors = useTranslations("errors");
  const tCatalog = useTranslations("catalog");
  const router = useRouter();
  const [local, setLocal] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (entry: ReturnType<typeof toEntry>) =>
      creating
        ? sendJson<{ package: CatalogEntry }>("POST", "/api/packages", entry, tErrors("NETWORK"))
        : sendJson<{ package: CatalogEntry }>(
            "PUT",
            `/api/packages/${encodeURIComponent(entry.packageId)}`,
            entry,
            tErrors("NETWORK"),
          ),
    onSuccess: ({ package: saved }) => {
      // Said as every success is, so it outlives the move to the new package's page.
      toast.success(tCatalog("saved", { packageId: saved.packageId }));
      if (creating) router.push(`/admin/packages/${encodeURIComponent(saved.packageId)}`);
      else router.refresh();
    },
  });
  const problems: Record<string, string | undefined> = {
    ...problemsByField(save.error),
    ...local,
  };
  const error = (path: string) => problems[path];

  function check(draft: Draft) {
    save.reset();
    const priceSatang = priceFromBaht(draft.priceBaht);
    // A price that is not valid baht is reported on its own; 1 stands in so that the rest of
    // the draft is still checked in the same pass.
    const entry = toEntry(draft, priceSatang ?? 1);
    const found: Record<string, string> = {};
    for (const p of checkPackage(entry).problems) found[p.field] = tErrors(p.code, p.params);
    if (priceSatang === null) found.priceSatang = tErrors("PRICE_BAHT_INVALID");
    setLocal(found);
    if (Object.keys(found).length === 0) save.mutate(entry);
  }

  return { save, local, error, check };
}
