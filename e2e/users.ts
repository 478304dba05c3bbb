/** Users only the browser tests have, so that locking one out touches no other test. */
export const E2E_USERS = [
  {
    role: "support",
    email: "lockout@demo.local",
    name: "Lockout Target",
    password: "lockout-target-2026",
  },
];
