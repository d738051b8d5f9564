/** A mistake the person at the terminal can fix: printed as one line, exit code 1. */
export class UsageError extends Error {}
