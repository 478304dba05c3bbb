import { NextResponse } from "next/server";

import { getDb } from "@/lib/db";
import { otherMethods, route } from "@/lib/api/route";
import { getEnv } from "@/lib/env";
import { instanceId } from "@/lib/instance";
import { reconcilerRole } from "@/lib/reconciler/runner";

export const dynamic = "force-dynamic";

/**
 * Liveness and database reachability; no session needed, nothing sensitive: which kind of
 * database and which instance answer, and this instance's part in reconciling.
 */
export const GET = route("public", async () => {
  const who = {
    db: getEnv().DATABASE_URL ? "postgres" : "sqlite",
    instance: instanceId(),
    reconciler: reconcilerRole(),
  };
  try {
    const db = getDb();
    await db.$store.query(db, "select 1");
    return NextResponse.json({ ok: true, ...who, time: new Date().toISOString() });
  } catch {
    return NextResponse.json({ ok: false, ...who }, { status: 503 });
  }
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
