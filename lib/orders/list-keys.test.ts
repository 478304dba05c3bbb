import { describe, expect, it } from "vitest";

import { callLogQuerySchema, callbackLogQuerySchema } from "@/lib/logs/log-query";
import { reviewQuerySchema } from "@/lib/review/read-review";
import { topupQuerySchema } from "@/lib/topups/list-query";
import { withdrawalQuerySchema } from "@/lib/withdrawals/list-query";

import { LIST_KEYS } from "./list-keys";

const SCHEMAS = {
  topups: topupQuerySchema,
  withdrawals: withdrawalQuerySchema,
  review: reviewQuerySchema,
  callbacks: callbackLogQuerySchema,
  calls: callLogQuerySchema,
};

describe("the keys a list page keeps in its URL", () => {
  it.each(Object.entries(SCHEMAS))("are exactly what %s's API reads", (name, schema) => {
    const keys = LIST_KEYS[name as keyof typeof LIST_KEYS];
    expect([...keys].sort()).toEqual(Object.keys(schema.shape).sort());
  });
});
