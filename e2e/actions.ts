import fs from "node:fs";

import type { APIRequestContext } from "@playwright/test";

type Manifest = { node: Record<string, { filename: string; exportedName: string }> };

/** The id Next.js gave a server action in this build. */
export function actionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(
    fs.readFileSync(".next/server/server-reference-manifest.json", "utf8"),
  ) as Manifest;
  const entry = Object.entries(manifest.node).find(
    ([, v]) => v.filename === filename && v.exportedName === exportedName,
  );
  if (!entry) throw new Error(`no server action ${exportedName} in ${filename}`);
  return entry[0];
}

/**
 * Calls a server action over HTTP exactly as the browser does, with any session, to prove
 * the action checks permissions itself. Returns the raw RSC answer text.
 */
export async function callAction(
  request: APIRequestContext,
  baseURL: string,
  page: string,
  action: { file: string; name: string },
  args: unknown[],
): Promise<string> {
  const res = await request.post(page, {
    headers: {
      "next-action": actionId(action.file, action.name),
      accept: "text/x-component",
      "content-type": "text/plain;charset=UTF-8",
      origin: baseURL,
    },
    data: JSON.stringify(args),
  });
  return res.text();
}
