import { describe, expect, it } from "vitest";

import type { TopupRow } from "@/db/schema";
import { decide } from "@/lib/orders/status-machine";

import {
  planTopupObservation,
  planTopupRejected,
  planTopupStuck,
  planTopupUnknown,
} from "./observe";
import { TOPUP_MACHINE } from "./topup-status";

const base: TopupRow = {
  refId: "TU-1",
  orderId: "P2W1",
  packageId: "PKG",
  topupInfo: {},
  gameId: null,
  status: "pending",
  reason: null,
  priceSatang: 100,
  createdBy: 1,
  idempotencyKey: "k",
  requestHash: "h",
  reissueOf: null,
  needsReview: null,
  reviewedAt: null,
  reconcileAttempts: 0,
  nextCheckAt: new Date("2026-11-22T00:01:00Z"),
  createdAt: new Date("2026-11-22T00:00:00Z"),
  updatedAt: new Date("2026-11-22T00:00:00Z"),
  completedAt: null,
};
const now = new Date("2026-11-22T00:05:00Z");
const obs = (status: TopupRow["status"] | null, extra = {}) => ({
  status,
  source: "callback" as const,
  actor: "system:callback",
  ...extra,
});

describe("the top-up status machine", () => {
  it.each([
    ["submitting", "pending", "apply"],
    ["unknown", "succeeded", "apply"],
    ["pending", "processing", "apply"],
    ["processing", "pending", "stale"],
    ["pending", "pending", "same"],
    ["succeeded", "processing", "stale"],
    ["succeeded", "failed", "conflict"],
    ["failed", "succeeded", "conflict"],
  ] as const)("%s + report %s → %s", (current, reported, decision) => {
    expect(decide(TOPUP_MACHINE, current, reported)).toBe(decision);
  });
});

describe("planTopupObservation", () => {
  it("applies a final status: completion time, no more checks, reason kept for failures (by its code when P2W's words are known)", () => {
    const plan = planTopupObservation(
      { ...base, status: "processing" },
      obs("failed", { reason: "Player account is banned" }),
      now,
    );
    expect(plan.result).toBe("applied");
    expect(plan.update).toMatchObject({
      status: "failed",
      completedAt: now,
      nextCheckAt: null,
      reason: "PLAYER_BANNED",
    });
    expect(
      planTopupObservation({ ...base, status: "processing" }, obs("failed", { reason: "Odd" }), now)
        .update,
    ).toMatchObject({ reason: "Odd" });
    expect(plan.history?.[0]).toMatchObject({
      fromStatus: "processing",
      toStatus: "failed",
      kind: "applied",
      source: "callback",
    });
  });

  it("learns the orderID of an unknown order and starts checking it", () => {
    const plan = planTopupObservation(
      {
        ...base,
        status: "unknown",
        orderId: null,
        needsReview: "unknown_outcome",
        nextCheckAt: null,
      },
      obs("processing", { orderId: "P2W9" }),
      now,
    );
    expect(plan.update).toMatchObject({ orderId: "P2W9", status: "processing", needsReview: null });
    expect(plan.update?.nextCheckAt).toBeInstanceOf(Date);
  });

  it("records a contradiction of a final state as a conflict without changing the status", () => {
    const plan = planTopupObservation({ ...base, status: "succeeded" }, obs("failed"), now);
    expect(plan.result).toBe("conflict");
    expect(plan.update).toEqual({ needsReview: "conflict" });
  });

  it("records an unknown status word and a foreign orderID as anomalies", () => {
    expect(planTopupObservation(base, obs(null, { rawStatus: "refunded" }), now)).toMatchObject({
      result: "anomaly",
      update: { needsReview: "anomaly" },
    });
    expect(planTopupObservation(base, obs("succeeded", { orderId: "P2W-OTHER" }), now).result).toBe(
      "anomaly",
    );
  });

  it("writes nothing for a report that says what we know", () => {
    expect(planTopupObservation(base, obs("pending"), now)).toEqual({
      result: "unchanged",
      update: {},
      history: [],
    });
  });
});

describe("what the system decides on its own", () => {
  const by = { source: "reconciler" as const, actor: "system:reconciler" };

  it("an unknown outcome waits for a manager and is never checked by the reconciler", () => {
    const plan = planTopupUnknown({ ...base, status: "submitting" }, by, {
      code: "UPSTREAM_TIMEOUT",
      message: "timed out",
    });
    expect(plan).toMatchObject({
      result: "unknown",
      update: { status: "unknown", needsReview: "unknown_outcome", nextCheckAt: null },
      history: [{ fromStatus: "submitting", toStatus: "unknown", kind: "applied" }],
    });
    expect(plan.update?.reason).toBe("UPSTREAM_TIMEOUT");
  });

  it("a refused create is final with the upstream's code as its reason", () => {
    const plan = planTopupRejected(
      { ...base, status: "submitting" },
      by,
      {
        code: "INSUFFICIENT_BALANCE",
        message: "low",
      },
      now,
    );
    expect(plan.update).toEqual({
      status: "failed",
      reason: "INSUFFICIENT_BALANCE",
      completedAt: now,
      nextCheckAt: null,
    });
  });

  it("a stuck order keeps its status and stops being checked", () => {
    expect(planTopupStuck(base, by)).toMatchObject({
      result: "stuck",
      update: { needsReview: "stuck", nextCheckAt: null },
      history: [{ fromStatus: "pending", toStatus: "pending", kind: "stuck" }],
    });
  });
});
