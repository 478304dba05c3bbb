import { loadDotEnv } from "./cli";

loadDotEnv();
const { getDb } = await import("@/lib/db");
const { getEnv } = await import("@/lib/env");
getDb();
console.log(`Database ${getEnv().DATABASE_PATH} is up to date.`);
