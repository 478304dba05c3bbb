"use client";

import { createContext, useContext } from "react";

/** The signed-in person's id, for what this browser remembers per person (column choices). */
export const PersonContext = createContext<number | null>(null);

export function usePersonId(): number | null {
  return useContext(PersonContext);
}
