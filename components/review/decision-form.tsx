"use client";

import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { useId, useState } from "react";

import { Button } from "@/components/ui/button";
import { ui } from "@/components/ui/styles";
import { outcomesFor } from "@/lib/review/outcomes";
import type { ReviewItemJson } from "@/lib/review/review-view";

import { NoteField, noteReady } from "./note-field";
import { useReviewAction } from "./use-review-action";

/** An outcome that fits the item and a note of at least five characters, sent once. */
export function DecisionForm({ item }: { item: Pick<ReviewItemJson, "id" | "kind" | "reason"> }) {
  const t = useTranslations("queue");
  const id = useId();
  const outcomes = outcomesFor(item.kind, item.reason);
  const [outcome, setOutcome] = useState<string>("");
  const [note, setNote] = useState("");
  const action = useReviewAction();
  const short = !noteReady(note);
  return (
    <form
      className="space-y-2"
      data-testid={`decide-${item.id}`}
      onSubmit={(event) => {
        event.preventDefault();
        void action.send(`/api/review/${item.id}/resolve`, { outcome, note }).then((result) => {
          // Said where every success is said (the form goes away with the open item).
          if (result !== null) toast.success(t("decided", { outcome: t(`outcomes.${outcome}`) }));
        });
      }}
    >
      <fieldset>
        <legend className={ui.label}>{t("outcome")}</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {outcomes.map((o) => (
            <label key={o} className="flex items-center gap-1 text-sm">
              <input
                type="radio"
                name={`${id}-outcome`}
                value={o}
                checked={outcome === o}
                onChange={() => setOutcome(o)}
              />
              {t(`outcomes.${o}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <NoteField value={note} onChange={setNote} />
      {action.error && (
        <p role="alert" className={ui.error}>
          {action.error}
        </p>
      )}
      <Button type="submit" disabled={action.busy || !outcome || short}>
        {t("decide")}
      </Button>
    </form>
  );
}
