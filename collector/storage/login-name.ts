/**
 * The one form of a login: the one stored, looked up and counted by the lockout, so «Ivanova »,
 * «IVANOVA» and «ivanova» are one account everywhere.
 */
export function normalizeLogin(login: string): string {
  return login.normalize('NFKC').trim().toLowerCase();
}

/** What a login may be (after normalizeLogin): letters, digits, ".", "_", "@", "-". */
export const LOGIN_PATTERN = /^[\p{L}\p{N}._@-]{2,64}$/u;
