import { z } from 'zod';
import { MESSENGER_IDS, MessengerId, Surface } from './messengers';
import { OrgId } from './report';

/** Managed settings (DESIGN §5). Each key is validated on its own so one bad value never spoils the rest. */

const isLoopback = (host: string) => host === 'localhost' || host === '127.0.0.1' || host === '[::1]';

const httpsUrl = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      return new URL(value).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an https:// address');

/** A report endpoint: https, or http on the loopback for tests and pilots; never with a user or password in it. */
export function isReportEndpoint(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.username || url.password) return false;
    return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname));
  } catch {
    return false;
  }
}

const reportUrl = z
  .string()
  .max(2048)
  .refine(isReportEndpoint, 'must be an https:// address (http:// only for localhost)');

export const Mode = z.enum(['off', 'inform', 'confirm', 'block']);
export type Mode = z.infer<typeof Mode>;

const hostname = z
  .string()
  .max(253)
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a lower-case host name such as chat.example.com');

export const ExtraRule = z.strictObject({
  messenger: MessengerId,
  host: hostname,
  pathPrefix: z.string().regex(/^\/[A-Za-z0-9._~\-\/+%]*$/, 'must start with "/"').max(200).optional(),
  surface: Surface,
});
export type ExtraRule = z.infer<typeof ExtraRule>;

export const Alternative = z.strictObject({
  name: z.string().trim().min(1).max(60),
  url: httpsUrl,
  instructionsUrl: httpsUrl,
});
export type Alternative = z.infer<typeof Alternative>;

export const SFERUM: Alternative = {
  name: 'Сферум',
  url: 'https://sferum.ru',
  instructionsUrl: 'https://prof.sferum.ru/faq_sferum/kakie_chaty_perenosyatsya',
};

/** The built-in alternative's name in English; a district's own name is shown as given. */
const SFERUM_NAME_EN = 'Sferum';

export function alternativeName(alternative: Alternative, locale: 'ru' | 'en'): string {
  const builtIn = alternative.name === SFERUM.name && alternative.url === SFERUM.url;
  return builtIn && locale === 'en' ? SFERUM_NAME_EN : alternative.name;
}

export const MAX_EXTRA_RULES = 50;

const districtText = z.string().trim().min(1).max(500);

export const POLICY_SHAPE = {
  mode: Mode.default('inform'),
  messengers: z.array(MessengerId).max(MESSENGER_IDS.length).default([...MESSENGER_IDS]),
  extraRules: z.array(ExtraRule).max(MAX_EXTRA_RULES).default([]),
  snoozeMinutes: z.int().min(0).max(1440).default(60),
  alternative: Alternative.default(SFERUM),
  message: z.strictObject({ ru: districtText.optional(), en: districtText.optional() }).default({}),
  reportEndpoint: z.union([z.literal(''), reportUrl]).default(''),
  reportToken: z.string().max(512).regex(/^[\x21-\x7e]*$/, 'must be printable ASCII without spaces').default(''),
  orgId: z.union([z.literal(''), OrgId]).default(''),
  reportIntervalMinutes: z.int().min(60).max(10080).default(360),
  locale: z.enum(['ru', 'en', 'auto']).default('ru'),
};

export const Policy = z.strictObject(POLICY_SHAPE);
export type Policy = z.infer<typeof Policy>;
export type PolicyKey = keyof Policy;
export const POLICY_KEYS = Object.keys(POLICY_SHAPE) as PolicyKey[];

export const DEFAULT_POLICY: Policy = Policy.parse({});

export type PolicyProblemKind =
  /** the value of a known key is invalid: the key's default applies */
  | 'invalid'
  /** a key the extension does not know: ignored */
  | 'unknown-key'
  /** the settings are not an object at all: every default applies */
  | 'not-object'
  /** one entry of a list (extraRules) is invalid: only that entry is dropped */
  | 'invalid-entry'
  /** the list is longer than allowed: entries after the limit are dropped */
  | 'too-many-entries';

export interface PolicyProblem {
  kind: PolicyProblemKind;
  key: string;
  value: unknown;
  /** English, technical (zod's message); the UI renders its own words from `kind`. */
  reason: string;
  /** Position of the bad entry in a list. */
  index?: number;
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid value';
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

/** extraRules entry by entry: a district's one typo must not switch off its other rules. */
function parseExtraRules(value: unknown, problems: PolicyProblem[]): ExtraRule[] | undefined {
  if (!Array.isArray(value)) {
    problems.push({ kind: 'invalid', key: 'extraRules', value, reason: 'must be a list of rules' });
    return undefined;
  }
  const rules: ExtraRule[] = [];
  value.forEach((entry: unknown, index) => {
    const result = ExtraRule.safeParse(entry);
    if (!result.success) {
      problems.push({ kind: 'invalid-entry', key: 'extraRules', index, value: entry, reason: firstIssue(result.error) });
    } else if (rules.length >= MAX_EXTRA_RULES) {
      problems.push({ kind: 'too-many-entries', key: 'extraRules', index, value: entry, reason: `at most ${MAX_EXTRA_RULES} rules` });
    } else {
      rules.push(result.data);
    }
  });
  return rules;
}

/**
 * Reads settings key by key: a valid value is taken, an invalid one is reported and its default
 * applies, an unknown key is reported and ignored; extraRules are checked entry by entry. Never throws.
 */
export function parsePolicyKeys(raw: unknown): { values: Partial<Policy>; problems: PolicyProblem[] } {
  const values: Partial<Record<PolicyKey, unknown>> = {};
  const problems: PolicyProblem[] = [];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    if (raw !== undefined) problems.push({ kind: 'not-object', key: '*', value: raw, reason: 'settings must be an object' });
    return { values: {}, problems };
  }
  for (const [key, value] of Object.entries(raw)) {
    if (!Object.hasOwn(POLICY_SHAPE, key)) {
      problems.push({ kind: 'unknown-key', key, value, reason: 'unknown key' });
      continue;
    }
    if (key === 'extraRules') {
      const rules = parseExtraRules(value, problems);
      if (rules) values.extraRules = rules;
      continue;
    }
    const result = POLICY_SHAPE[key as PolicyKey].safeParse(value);
    if (result.success) values[key as PolicyKey] = result.data;
    else problems.push({ kind: 'invalid', key, value, reason: firstIssue(result.error) });
  }
  return { values: values as Partial<Policy>, problems };
}
