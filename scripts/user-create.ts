import { args, fail, loadDotEnv } from "./cli";

loadDotEnv();
const { getDb } = await import("@/lib/db");
const { upsertUser } = await import("@/db/queries/users");
const { insertAudit } = await import("@/db/queries/audit");
const { hashPassword, MIN_PASSWORD_LENGTH } = await import("@/lib/auth/password");
const { isRole, ROLES } = await import("@/lib/auth/roles");

const { values } = args({
  email: { type: "string" },
  password: { type: "string" },
  role: { type: "string" },
  name: { type: "string" },
});
const usage = `usage: npm run user:create -- --email E --password P --role (${ROLES.join("|")}) [--name N]`;
if (!values.email || !values.password || !values.role) fail(usage);
if (!isRole(values.role)) fail(`unknown role "${values.role}"\n${usage}`);
if ([...values.password].length < MIN_PASSWORD_LENGTH)
  fail(`password needs at least ${MIN_PASSWORD_LENGTH} characters`);
if (!/^[^\s@]+@[^\s@]+$/.test(values.email)) fail(`not an e-mail address: ${values.email}`);

const db = getDb();
const user = await upsertUser(db, {
  email: values.email,
  name: values.name ?? values.email.split("@")[0] ?? values.email,
  role: values.role,
  passwordHash: await hashPassword(values.password),
});
await insertAudit(db, {
  action: "user.cli_upsert",
  targetType: "user",
  targetId: String(user.id),
  details: { email: user.email, role: user.role },
});
console.log(`User ${user.email} (${user.role}) is ready.`);
db.$store.close();
