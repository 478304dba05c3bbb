import { NextResponse } from "next/server";

import { getDb } from "@/lib/db";
import { readJson, route, otherMethods } from "@/lib/api/respond";
import { requestIp, requirePermission } from "@/lib/auth/guard";
import { updatePackage } from "@/lib/catalog/catalog-admin";

export const dynamic = "force-dynamic";

/** Replaces a package's details; `"active": false` deactivates it (packages are never deleted). */
export const PUT = route(
  async (request, { params }: { params: Promise<{ packageId: string }> }) => {
    const user = await requirePermission("catalog:manage");
    const { packageId } = await params;
    const updated = await updatePackage(
      getDb(),
      { id: user.id, email: user.email, ip: await requestIp() },
      packageId,
      await readJson(request),
    );
    return NextResponse.json({ package: updated });
  },
);

export const { GET, POST, PATCH, DELETE, OPTIONS } = otherMethods("PUT");
