/** Thai bank codes as the gateway writes them, for the bank filter. */
export const BANKS = [
  "BAAC",
  "BAY",
  "BBL",
  "CIMBT",
  "GHB",
  "GSB",
  "KBANK",
  "KKP",
  "KTB",
  "LHB",
  "SCB",
  "TISCO",
  "TTB",
  "UOBT",
] as const;
