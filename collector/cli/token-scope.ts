import { OrgId } from '../../protocol/report';
import type { TokenScope } from '../storage/tokens';
import { UsageError } from './usage-error';

/** `--school`, `--rows-per-day`, `--new-schools-per-day` as typed. */
export interface TokenOptions {
  school?: string;
  rowsPerDay?: string;
  newSchoolsPerDay?: string;
}

export function tokenScope(options: TokenOptions): TokenScope {
  const scope: TokenScope = {};
  if (options.school !== undefined) {
    if (!OrgId.safeParse(options.school).success) throw new UsageError('--school is the school\'s orgId: 1–64 of A–Z, a–z, 0–9, ".", "_", "-"');
    scope.orgId = options.school;
  }
  const count = (value: string | undefined, flag: string) => {
    if (value === undefined) return undefined;
    if (!/^\d{1,9}$/.test(value) || Number(value) < 1) throw new UsageError(`${flag} must be a whole number from 1`);
    return Number(value);
  };
  scope.rowsPerDay = count(options.rowsPerDay, '--rows-per-day');
  scope.newOrgsPerDay = count(options.newSchoolsPerDay, '--new-schools-per-day');
  return scope;
}
