import { loadDotEnv } from "./cli";

loadDotEnv();
const { getDb } = await import("@/lib/db");
const db = getDb();
await db.$store.ready();
console.log(`Database ${db.$store.location} is up to date.`);
db.$store.close();
