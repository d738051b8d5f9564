import { DEFAULT_POLICY, parsePolicyKeys, POLICY_KEYS, type Policy, type PolicyKey, type PolicyProblem } from '../protocol/policy';

/** Where a problem was found: the administrator's policy or the teacher's own options. */
export type SettingsSource = 'managed' | 'local';

export interface SettingsProblem extends PolicyProblem {
  source: SettingsSource;
}

export interface EffectiveSettings {
  settings: Policy;
  /** Keys the policy sets: the options page shows them disabled, «задано администратором». */
  lockedKeys: PolicyKey[];
  problems: SettingsProblem[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * managed > local options > defaults, key by key. A key present in the policy is locked even when
 * its value is invalid: the administrator meant to decide it, so the default applies, not the
 * teacher's own choice.
 */
export function resolveSettings(managedRaw: unknown, localRaw: unknown): EffectiveSettings {
  const managed = parsePolicyKeys(managedRaw);
  const local = parsePolicyKeys(localRaw);
  const managedKeys = new Set(isRecord(managedRaw) ? Object.keys(managedRaw) : []);
  const lockedKeys = POLICY_KEYS.filter((key) => managedKeys.has(key));
  const settings: Record<PolicyKey, unknown> = { ...DEFAULT_POLICY };
  for (const key of POLICY_KEYS) {
    if (managedKeys.has(key)) settings[key] = managed.values[key] ?? DEFAULT_POLICY[key];
    else if (local.values[key] !== undefined) settings[key] = local.values[key];
  }
  return {
    settings: settings as Policy,
    lockedKeys,
    problems: [
      ...managed.problems.map((problem) => ({ ...problem, source: 'managed' as const })),
      ...local.problems
        .filter((problem) => !managedKeys.has(problem.key))
        .map((problem) => ({ ...problem, source: 'local' as const })),
    ],
  };
}
