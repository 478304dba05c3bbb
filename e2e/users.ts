/** Users only the browser tests have, so that locking one out touches no other test. */
export const E2E_USERS = [
  {
    role: "support",
    email: "lockout@demo.local",
    name: "Lockout Target",
    password: "lockout-target-2026",
  },
];

/** The bearer token the test stack's `/api/metrics` takes (METRICS_TOKEN). */
export const E2E_METRICS_TOKEN = "e2e-metrics-token-0123456789abcdef0123456789";
