/**
 * The query-string keys each list's page URL carries to its JSON API. The API's schemas
 * decide what a value may be (and refuse it with a stable code); these lists only say which
 * keys the page keeps in its URL. `list-keys.test.ts` holds them to the schemas.
 */
export const LIST_KEYS = {
  topups: [
    "status",
    "from",
    "to",
    "hour",
    "reason",
    "packageId",
    "createdBy",
    "q",
    "review",
    "sort",
    "cursor",
    "limit",
  ],
  withdrawals: [
    "status",
    "from",
    "to",
    "hour",
    "bank",
    "min",
    "max",
    "q",
    "review",
    "sort",
    "cursor",
    "limit",
  ],
  review: ["kind", "reason", "claimed", "resolved", "cursor", "limit"],
  callbacks: ["upstream", "verification", "result", "from", "to", "q", "cursor", "limit"],
  calls: ["upstream", "operation", "outcome", "from", "to", "q", "cursor", "limit"],
} as const satisfies Record<string, readonly string[]>;

export type ListName = keyof typeof LIST_KEYS;
