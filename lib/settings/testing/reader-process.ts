/**
 * Another server process for the settings test: it opens the same database and answers
 * every HTTP request with the settings as `getSettings` reads them. Prints its port.
 */
import http from "node:http";

import { openDb } from "@/db/client";
import { getSettings } from "@/lib/settings/settings";

const db = openDb(process.argv[2] ?? "");
const server = http.createServer((_req, res) => {
  getSettings(db).then(
    (settings) => res.end(JSON.stringify(settings)),
    (error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    },
  );
});
server.listen(0, "127.0.0.1", () => {
  console.log(`port ${(server.address() as { port: number }).port}`);
});
