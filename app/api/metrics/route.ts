import { getDb } from "@/lib/db";
import { otherMethods, route } from "@/lib/api/route";
import { callbackIntake } from "@/lib/callbacks/callback-thread";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { bearerMatches } from "@/lib/metrics/bearer";
import { scrape } from "@/lib/metrics/scrape";
import { reconcilerRole } from "@/lib/reconciler/runner";

export const dynamic = "force-dynamic";

/**
 * Prometheus's scrape (docs/operations.md, "Metrics"): only with `Authorization: Bearer
 * $METRICS_TOKEN`; without the setting the address names nothing (404). This process's
 * counters (both threads) and the figures the database holds now.
 */
export const GET = route("public", async (request) => {
  const token = getEnv().METRICS_TOKEN;
  if (!token) throw new AppError("NOT_FOUND", 404);
  if (!bearerMatches(request.headers.get("authorization"), token))
    throw new AppError("METRICS_TOKEN", 401);
  const { text, contentType } = await scrape(getDb(), {
    thread: await callbackIntake().metrics(),
    isLeader: reconcilerRole() === "leader",
  });
  return new Response(text, {
    headers: { "content-type": contentType, "cache-control": "no-store" },
  });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
