import { NextResponse } from "next/server";

import { getDb } from "@/lib/db";
import { readJson, route, otherMethods } from "@/lib/api/route";
import {
  createPackage,
  importCatalog,
  listCatalog,
  previewCatalogImport,
} from "@/lib/catalog/catalog-admin";
import { bangkokDay } from "@/lib/format";

export const dynamic = "force-dynamic";

/** A catalog file may hold a few thousand packages. */
const MAX_CATALOG_BYTES = 2 * 1024 * 1024;

/**
 * `?q=&active=1|0` → `{"packages":[…]}`; `?format=file` → the whole catalog as a catalog
 * file to download (the format `catalog:import` and the page's import read).
 */
export const GET = route("catalog:manage", async (request) => {
  const params = new URL(request.url).searchParams;
  const active = params.get("active");
  const packages = await listCatalog(getDb(), {
    q: params.get("q")?.trim() || undefined,
    active: active === "1" ? true : active === "0" ? false : undefined,
  });
  if (params.get("format") !== "file") return NextResponse.json({ packages });
  return new NextResponse(`${JSON.stringify(packages, null, 2)}\n`, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="catalog-${bangkokDay(new Date())}.json"`,
    },
  });
});

/**
 * A package object creates one (201 `{"package"}`, 409 `PACKAGE_EXISTS`); an array is a
 * catalog file, imported whole or refused whole (200 `{"inserted","updated","unchanged"}`);
 * with `?preview=1`, only checked: 200 `{"add","change","deactivate","unchanged"}`.
 */
export const POST = route("catalog:manage", async (request, { person }) => {
  const body = await readJson(request, MAX_CATALOG_BYTES);
  if (Array.isArray(body) && new URL(request.url).searchParams.get("preview") === "1")
    return NextResponse.json(await previewCatalogImport(getDb(), body));
  if (Array.isArray(body)) return NextResponse.json(await importCatalog(getDb(), person, body));
  return NextResponse.json(
    { package: await createPackage(getDb(), person, body) },
    { status: 201 },
  );
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
