import { parsePolicyKeys, type Policy, type PolicyKey } from '../../protocol/policy';
import type { SettingsProblem } from '../../settings';

/** What the form edits: numbers stay text until saved, so a half-typed value is not lost. */
export type OptionsDraft = Omit<Policy, 'snoozeMinutes' | 'reportIntervalMinutes'> & {
  snoozeMinutes: string;
  reportIntervalMinutes: string;
};

export function draftFrom(settings: Policy): OptionsDraft {
  return { ...settings, snoozeMinutes: String(settings.snoozeMinutes), reportIntervalMinutes: String(settings.reportIntervalMinutes) };
}

const asNumber = (text: string): unknown => (/^\s*\d+\s*$/.test(text) ? Number(text) : text);

/**
 * The teacher's options from the form: only keys the policy does not set, empty texts left out.
 * Returns the problems instead when anything is invalid, so a bad value is never half-saved.
 */
export function optionsFromDraft(draft: OptionsDraft, lockedKeys: readonly PolicyKey[]): { options: Partial<Policy> } | { problems: SettingsProblem[] } {
  const message = Object.fromEntries(Object.entries(draft.message).filter(([, text]) => typeof text === 'string' && text.trim() !== ''));
  const candidate: Record<string, unknown> = {
    ...draft,
    snoozeMinutes: asNumber(draft.snoozeMinutes),
    reportIntervalMinutes: asNumber(draft.reportIntervalMinutes),
    message,
    extraRules: draft.extraRules.map(({ pathPrefix, ...rule }) => (pathPrefix ? { ...rule, pathPrefix } : rule)),
  };
  for (const key of lockedKeys) delete candidate[key];
  const { values, problems } = parsePolicyKeys(candidate);
  if (problems.length > 0) return { problems: problems.map((problem) => ({ ...problem, source: 'local' as const })) };
  return { options: values };
}
