"use client";

import { useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";

import { createTopupAction } from "@/lib/actions/topups";
import { checkTopupInfo } from "@/lib/catalog/topup-fields";

import type { Draft, Outcome, Pkg, Problems } from "./new-topup-types";
import { TopupConfirmStep } from "./topup-confirm-step";
import { TopupEditStep } from "./topup-edit-step";
import { TopupOutcome } from "./topup-outcome";

/** Survives a refresh: a draft waiting for its answer keeps its idempotency key. */
const DRAFT = "ops:new-topup-draft";
const EMPTY: Draft = { packageId: "", info: {}, key: null };

/**
 * The new top-up form: edit → confirm → outcome. This part holds the draft and the one
 * idempotency key per intended order; each step is its own component. Values survive Back
 * and a refusal; a changed detail is a different order and gets a new key at its review.
 */
export function NewTopupForm({ packages }: { packages: Pkg[] }) {
  const t = useTranslations();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [step, setStep] = useState<"edit" | "confirm">("edit");
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [problems, setProblems] = useState<Problems>({});

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
  function change(next: Draft) {
    setDraft({ ...next, key: null });
    if (outcome?.kind === "rejected") setOutcome(null);
  }

  function setField(key: string, value: string) {
    change({ ...draft, info: { ...draft.info, [key]: value } });
    setProblems(({ [key]: _fixed, ...rest }) => rest);
  }

  function review() {
    if (!pkg) return;
    // The same rules the server applies (lib/catalog/topup-fields.ts), before anything is sent.
    const checked = checkTopupInfo(pkg.fields, draft.info);
    if (checked.problems.length > 0) {
      setProblems(Object.fromEntries(checked.problems.map((p) => [p.field, p.code])));
      return;
    }
    setProblems({});
    // One key per intended order, fixed before the first send and kept until an answer.
    setDraft((d) => ({ ...d, info: checked.info, key: d.key ?? crypto.randomUUID() }));
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
        sessionStorage.removeItem(DRAFT);
      } else {
        const { code, message, status, field } = result.error;
        const by = status >= 422 ? "upstream" : "ours";
        setOutcome({ kind: "rejected", by, code, message });
        // Our own check refused a field: back to it, with the message beside it.
        if (field && pkg.fields.some((f) => f.key === field)) {
          setProblems({ [field]: code });
          setStep("edit");
        }
      }
    } catch {
      // The answer was lost (network): keep the draft and its key, so sending again is safe.
      setOutcome({ kind: "rejected", by: "lost", code: "NETWORK", message: t("errors.INTERNAL") });
    } finally {
      setSending(false);
    }
  }

  function restart() {
    sessionStorage.removeItem(DRAFT);
    setDraft(EMPTY);
    setStep("edit");
    setOutcome(null);
    setProblems({});
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
        onBack={() => setStep("edit")}
        onSend={() => void send()}
      />
    );
  }
  return (
    <TopupEditStep
      packages={packages}
      pkg={pkg}
      draft={draft}
      problems={problems}
      refusal={outcome?.kind === "rejected" ? outcome : null}
      onPackage={(packageId) => {
        change({ packageId, info: {}, key: null });
        setProblems({});
      }}
      onField={setField}
      onReview={review}
    />
  );
}
