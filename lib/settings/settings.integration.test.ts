import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { listAudit } from "@/db/queries/audit";
import { openDb } from "@/db/client";
import { tempDbLocation } from "@/db/testing/temp-db";
import { InvalidInput } from "@/lib/errors";
import { seedUser } from "@/lib/testing/fixtures";

import { getSettings, updateSettings } from "./settings";

let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill();
});

/** Starts the reader as its own process on the same database file; resolves with its URL. */
function startReader(file: string): Promise<string> {
  const tsx = path.resolve("node_modules", ".bin", "tsx");
  child = spawn(
    tsx,
    ["--conditions=react-server", "lib/settings/testing/reader-process.ts", file],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return new Promise((resolve, reject) => {
    child?.stdout?.on("data", (chunk: Buffer) => {
      const m = /port (\d+)/.exec(chunk.toString());
      if (m) resolve(`http://127.0.0.1:${m[1]}`);
    });
    child?.on("exit", (code) => reject(new Error(`reader exited with ${code}`)));
  });
}

describe("settings across processes", () => {
  it("a change made in one process is what another process reads on its next request", async () => {
    const file = await tempDbLocation();
    const db = openDb(file);
    const admin = await seedUser(db, "admin");
    const person = { id: admin.id, email: admin.email, ip: "10.0.0.2" };
    const url = await startReader(file);
    const read = async () => (await (await fetch(url)).json()) as Record<string, number>;

    expect((await read()).stuckAfterHours).toBe(24);
    await updateSettings(db, person, { stuckAfterHours: 6, reviewSlaHours: "4" });
    expect(await read()).toMatchObject({ stuckAfterHours: 6, reviewSlaHours: 4 });

    // Refused input changes nothing, anywhere, and is not audited.
    await expect(
      updateSettings(db, person, { stuckAfterHours: 2, claimTimeoutMinutes: 1 }),
    ).rejects.toBeInstanceOf(InvalidInput);
    expect((await read()).stuckAfterHours).toBe(6);
    expect(await getSettings(db)).toMatchObject({ stuckAfterHours: 6, claimTimeoutMinutes: 30 });

    const audit = await listAudit(db, { limit: 5 });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "settings.update", actorId: admin.id });
    expect(audit[0]?.details).toEqual({
      before: { stuckAfterHours: 24, reviewSlaHours: 8 },
      after: { stuckAfterHours: 6, reviewSlaHours: 4 },
    });

    // Saving the same values again writes and audits nothing.
    await updateSettings(db, person, { stuckAfterHours: 6 });
    expect(await listAudit(db, { limit: 5 })).toHaveLength(1);
  });
});
