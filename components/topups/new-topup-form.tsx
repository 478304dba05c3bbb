"use client";

import { useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";

import { createTopupAction } from "@/app/(app)/topups/actions";

import type { Draft, Outcome, Pkg } from "./new-topup-types";
import { TopupConfirmStep } from "./topup-confirm-step";
import { TopupEditStep } from "./topup-edit-step";
import { TopupOutcome } from "./topup-outcome";

/** Survives a refresh: a draft waiting for its answer keeps its idempotency key. */
const DRAFT = "ops:new-topup-draft";

/**
 * The new top-up form: edit → confirm → outcome. This part holds the draft and the one
 * idempotency key per intended order; each step is its own component.
 */
export function NewTopupForm({ packages }: { packages: Pkg[] }) {
  const t = useTranslations();
  const [draft, setDraft] = useState<Draft>({ packageId: "", info: {}, key: null });
  const [step, setStep] = useState<"edit" | "confirm">("edit");
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    const saved = sessionStorage.getItem(DRAFT);
    if (!saved) return;
    const restored = JSON.parse(saved) as Draft;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- restoring from sessionStorage exists only in the browser
    setDraft(restored);
    if (restored.key) setStep("confirm");
  }, []);
  useEffect(() => {
    if (draft.packageId) sessionStorage.setItem(DRAFT, JSON.stringify(draft));
  }, [draft]);

  const pkg = useMemo(
    () => packages.find((p) => p.id === draft.packageId),
    [packages, draft.packageId],
  );

  /** A changed detail is a different order: it gets a new key at the next review. */
  function setField(key: string, value: string) {
    setDraft((d) => ({ ...d, info: { ...d.info, [key]: value }, key: null }));
  }

  function review() {
    // One key per intended order, fixed before the first send and kept until an answer.
    setDraft((d) => ({ ...d, key: d.key ?? crypto.randomUUID() }));
    setStep("confirm");
  }

  async function send() {
    if (sending || !pkg || !draft.key) return;
    setSending(true);
    try {
      const result = await createTopupAction({
        packageId: pkg.id,
        topupInfo: draft.info,
        idempotencyKey: draft.key,
      });
      if (result.ok) {
        const { topup, replayed } = result.data;
        setOutcome({
          kind: replayed ? "replayed" : topup.status === "unknown" ? "unknown" : "pending",
          refId: topup.refId,
        });
      } else {
        setOutcome({ kind: "rejected", code: result.error.code, message: result.error.message });
      }
      sessionStorage.removeItem(DRAFT);
    } catch {
      // The answer was lost (network): keep the draft and its key, so sending again is safe.
      setOutcome({ kind: "rejected", code: "NETWORK", message: t("errors.INTERNAL") });
    } finally {
      setSending(false);
    }
  }

  function restart() {
    sessionStorage.removeItem(DRAFT);
    setDraft({ packageId: "", info: {}, key: null });
    setStep("edit");
    setOutcome(null);
  }

  if (outcome && outcome.kind !== "rejected")
    return <TopupOutcome outcome={outcome} onAnother={restart} />;
  if (step === "confirm" && pkg) {
    return (
      <TopupConfirmStep
        pkg={pkg}
        draft={draft}
        outcome={outcome}
        sending={sending}
        onBack={restart}
        onSend={() => void send()}
      />
    );
  }
  return (
    <TopupEditStep
      packages={packages}
      pkg={pkg}
      draft={draft}
      onPackage={(packageId) => setDraft({ packageId, info: {}, key: null })}
      onField={setField}
      onReview={review}
    />
  );
}
