import { NextResponse } from "next/server";
import { z } from "zod";

import { getDb } from "@/lib/db";
import { readJson, route, otherMethods } from "@/lib/api/route";
import { updatePackage } from "@/lib/catalog/catalog-admin";

export const dynamic = "force-dynamic";

/** Replaces a package's details; `"active": false` deactivates it (packages are never deleted). */
export const PUT = route(
  "catalog:manage",
  z.object({ packageId: z.string() }),
  async (request, { params, person }) => {
    const updated = await updatePackage(getDb(), person, params.packageId, await readJson(request));
    return NextResponse.json({ package: updated });
  },
);

export const { GET, POST, PATCH, DELETE, OPTIONS } = otherMethods("PUT");
