/**
 * School-level cells below k in a week are never sent as numbers (DESIGN §7): the API replaces
 * them with "<5", so no client, CSV or screen can show them. Zero is suppressed too, so a
 * reader cannot tell "nobody" from "one teacher".
 */
export const K_ANONYMITY = 5;
export const SUPPRESSED = '<5' as const;
export type Cell = number | typeof SUPPRESSED;

export function suppressSmall(n: number): Cell {
  return n < K_ANONYMITY ? SUPPRESSED : n;
}
