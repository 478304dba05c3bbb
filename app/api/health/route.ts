import { NextResponse } from "next/server";

import { getDb } from "@/lib/db";
import { otherMethods, route } from "@/lib/api/route";

export const dynamic = "force-dynamic";

/** Liveness and database reachability; no session needed, nothing sensitive. */
export const GET = route("public", async () => {
  try {
    const db = getDb();
    await db.$store.query(db, "select 1");
    return NextResponse.json({ ok: true, db: "ok", time: new Date().toISOString() });
  } catch {
    return NextResponse.json({ ok: false, db: "error" }, { status: 503 });
  }
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
