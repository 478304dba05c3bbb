import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Starts the whole dashboard stack on this machine: a fresh SQLite file with one user per
 * role, and the production build served by `scripts/serve.mjs` (`npm start`). Used by `npm run demo` and by the
 * browser tests, so both exercise exactly what a newcomer runs.
 */

export const DEMO_USERS = [
  {
    role: "support",
    email: "support@demo.local",
    name: "สมชาย ใจดี",
    password: "demo-support-2026",
  },
  {
    role: "finance",
    email: "finance@demo.local",
    name: "Malee Finance",
    password: "demo-finance-2026",
  },
  {
    role: "manager",
    email: "manager@demo.local",
    name: "Prasert Manager",
    password: "demo-manager-2026",
  },
  { role: "admin", email: "admin@demo.local", name: "Admin Ops", password: "demo-admin-2026!" },
] as const;

export type StackOptions = {
  port: number;
  dataDir: string;
  /** The two simulators' ports; the dashboard reaches them only through these URLs. */
  p2wPort: number;
  payoutPort: number;
  /** A PostgreSQL database (emptied by `prepareDatabase`) instead of the data folder's SQLite file. */
  databaseUrl?: string;
};

// The token the demo's LINE channel carries and the stand-in accepts.
const DEMO_LINE_TOKEN = "demo-line-channel-token-0123456789abcdef";

const secret = () => randomBytes(32).toString("hex");

/** A complete production configuration with secrets made up for this run. */
export function stackEnv({
  port,
  dataDir,
  p2wPort,
  payoutPort,
  databaseUrl,
}: StackOptions): Record<string, string> {
  const base = `http://localhost:${port}`;
  return {
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_PATH: path.join(dataDir, "dashboard.db"),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    NEXTAUTH_SECRET: secret(),
    NEXTAUTH_URL: base,
    APP_URL: base,
    WEBHOOK_SECRET: secret(),
    P2W_API_URL: `http://127.0.0.1:${p2wPort}/api/v1`,
    P2W_PARTNER_ID: "SANDBOX-PARTNER",
    P2W_SECRET: secret(),
    PAYOUT_API_URL: `http://127.0.0.1:${payoutPort}`,
    PAYOUT_MERCHANT_ID: "SB00000001",
    PAYOUT_TOKEN: secret(),
    PAYOUT_SECRET: secret(),
    RECONCILER: "on",
    // Prometheus's bearer token for /api/metrics (the demo prints it).
    METRICS_TOKEN: secret(),
    // The callbacks' own listener, beside the dashboard (lib/callbacks/intake.ts): both
    // upstreams call back there, as a reverse proxy would route them in production.
    CALLBACK_PORT: String(port + 1),
    CALLBACK_URL: `http://localhost:${port + 1}`,
    SANDBOX_P2W_PORT: String(p2wPort),
    SANDBOX_PAYOUT_PORT: String(payoutPort),
    // Alerts go to the sandbox's stand-ins for Slack, LINE and a mail server
    // (sandbox/alert-receivers.ts), beside the simulators.
    SETTINGS_SECRET: secret(),
    SANDBOX_ALERTS_PORT: String(payoutPort + 10),
    SANDBOX_SMTP_PORT: String(payoutPort + 5),
    LINE_API_URL: `http://127.0.0.1:${payoutPort + 10}`,
    SMTP_URL: `smtp://sandbox:sandbox@127.0.0.1:${payoutPort + 5}`,
    ALERT_FROM: "Top-up dashboard (demo) <alerts@demo.invalid>",
    SANDBOX_LINE_TOKEN: DEMO_LINE_TOKEN,
    // The orders the simulators hold from the start: the demo's seeded past (prepareDatabase).
    SANDBOX_KNOWN_ORDERS: path.join(dataDir, "upstream-orders.json"),
  };
}

export type StackUser = { role: string; email: string; name: string; password: string };

/**
 * Deletes the stack's database (the SQLite file, or the PostgreSQL database `DATABASE_URL`
 * names), creates it afresh, imports the sandbox catalog, adds the demo
 * users and the review queue's demo cases.
 */
export async function prepareDatabase(
  env: Record<string, string>,
  extraUsers: StackUser[] = [],
  /** Fourteen days of finished orders and balance figures (the demo's overview). */
  options: { history?: boolean } = {},
): Promise<void> {
  const file = env.DATABASE_URL ?? env.DATABASE_PATH ?? "";
  // The data folder holds the simulators' known orders, on either database.
  fs.mkdirSync(path.dirname(env.DATABASE_PATH ?? ""), { recursive: true });
  if (env.DATABASE_URL) {
    const { recreateDatabase } = await import("@/db/pg/maintenance");
    await recreateDatabase(env.DATABASE_URL);
    // Before the first import of db/: the process's dialect is chosen from it.
    Object.assign(process.env, { DATABASE_URL: env.DATABASE_URL });
  } else {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    Object.assign(process.env, { DATABASE_PATH: file });
  }
  const { openDb } = await import("@/db/client");
  const { upsertUser } = await import("@/db/queries/users");
  const { hashPassword } = await import("@/lib/auth/password");
  const { importCatalog } = await import("@/lib/catalog/catalog-admin");
  const { CATALOG_FILE } = await import("@/sandbox/catalog");
  const db = openDb(file);
  await importCatalog(db, null, fs.readFileSync(CATALOG_FILE, "utf8"));
  const { isRole } = await import("@/lib/auth/roles");
  const created: { id: number; email: string }[] = [];
  for (const user of [...DEMO_USERS, ...extraUsers]) {
    if (!isRole(user.role)) throw new Error(`unknown role ${user.role}`);
    created.push(
      await upsertUser(db, {
        ...user,
        role: user.role,
        passwordHash: await hashPassword(user.password),
      }),
    );
  }
  // The orders below are lived against both simulators, in this process, on their ports;
  // what they hold afterwards is where the stack's simulators start (SANDBOX_KNOWN_ORDERS).
  const { startDemoUpstreams } = await import("./demo-upstreams");
  const upstreams = await startDemoUpstreams(db, env);
  try {
    // The review queue has one order per reason to show.
    const { seedReviewCases } = await import("./demo-review-cases");
    await seedReviewCases(db, upstreams, created[0]?.id ?? 1);
    if (options.history) {
      const { seedDemoHistory } = await import("./demo-history");
      const person = (role: string) => created[DEMO_USERS.findIndex((u) => u.role === role)];
      const support = person("support");
      const manager = person("manager");
      if (!support || !manager)
        throw new Error("the demo history needs a support agent and a manager");
      const made = await seedDemoHistory(db, upstreams, {
        creator: support.id,
        manager: { id: manager.id, email: manager.email },
      });
      console.log(
        `Demo history: ${made.topups} top-ups and ${made.withdrawals} withdrawals over 14 days.`,
      );
    }
  } finally {
    await upstreams.close(env.SANDBOX_KNOWN_ORDERS);
  }
  const { seedDemoChannels } = await import("./demo-channels");
  await seedDemoChannels(db, env);
  db.$store.close();
}

const require = createRequire(import.meta.url);

/**
 * The arguments of `npm start` as package.json gives them (Node's flags included: the heap's
 * limit is one of them), so every script runs the server exactly as production does.
 * `nodeFlags` go before the script (a profile, say).
 */
export function serverArgs(port: number, nodeFlags: string[] = []): string[] {
  const root = new URL("../", import.meta.url);
  const start: string = JSON.parse(fs.readFileSync(new URL("package.json", root), "utf8")).scripts
    .start;
  const [command, ...args] = start.split(/\s+/);
  const script = args.findIndex((arg) => arg.endsWith(".mjs"));
  if (command !== "node" || script < 0) throw new Error(`unexpected start script: ${start}`);
  return [
    ...args.slice(0, script),
    ...nodeFlags,
    fileURLToPath(new URL(args[script] ?? "", root)),
    ...args.slice(script + 1),
    "-p",
    String(port),
  ];
}

export function startProcess(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string>,
  quiet = false,
): ChildProcess {
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: quiet ? ["ignore", "ignore", "inherit"] : "inherit",
  });
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`${name} exited (${signal ?? code}); stopping the stack.`);
      stopAll(1);
    }
  });
  children.push({ name, child });
  return child;
}

export function startDashboard(
  env: Record<string, string>,
  port: number,
  quiet = false,
): ChildProcess {
  return startProcess("dashboard", process.execPath, serverArgs(port), env, quiet);
}

/** Both upstream simulators in one process, configured with the stack's shared secrets. */
export function startSandbox(env: Record<string, string>, quiet = false): ChildProcess {
  const tsx = require.resolve("tsx/cli");
  return startProcess(
    "sandbox",
    process.execPath,
    [tsx, "--conditions=react-server", "sandbox/main.ts"],
    env,
    quiet,
  );
}

export async function waitForHealth(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not become healthy within ${timeoutMs} ms`);
}

/** Resolves once `child` has ended (at once if it already has). */
export function ended(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once("exit", () => resolve()));
}

const children: { name: string; child: ChildProcess }[] = [];
let stopping = false;

/**
 * Stops the stack and exits with `code`: the dashboards first (each processes the callbacks
 * it acknowledged before it exits, and their confirming reads still reach the sandbox), then
 * the rest. At most 12 s (a dashboard's stop takes 10 s at most).
 */
export function stopAll(code = 0): void {
  if (stopping) return;
  stopping = true;
  const stop = (group: ChildProcess[]) => {
    for (const child of group) child.kill("SIGTERM");
    return Promise.all(group.map(ended));
  };
  const running = children.filter(({ child }) => child.exitCode === null);
  const dashboards = running.filter(({ name }) => name === "dashboard").map(({ child }) => child);
  const rest = running.filter(({ name }) => name !== "dashboard").map(({ child }) => child);
  void stop(dashboards)
    .then(() => stop(rest))
    .then(() => process.exit(code));
  setTimeout(() => process.exit(code), 12_000).unref();
}

for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => stopAll(0));
// However this process ends, none of its children outlives it.
process.on("exit", () => {
  for (const { child } of children) if (child.exitCode === null) child.kill("SIGTERM");
});
