import { describe, expect, it } from 'vitest';
import { managedSchema, type ChromeSchema } from '../../../protocol/managed-schema';
import { DEFAULT_POLICY, Policy, POLICY_KEYS, POLICY_SHAPE, type PolicyKey } from '../../../protocol/policy';

const CHROME_TYPES = ['object', 'array', 'string', 'integer', 'number', 'boolean'];

/** Chrome's schema check for the subset we emit: a value of the wrong JSON type is dropped. */
function chromeAccepts(schema: ChromeSchema, value: unknown): boolean {
  switch (schema.type) {
    case 'object':
      return (
        value !== null &&
        typeof value === 'object' &&
        !Array.isArray(value) &&
        Object.entries(value).every(([key, child]) => schema.properties?.[key] !== undefined && chromeAccepts(schema.properties[key], child))
      );
    case 'array':
      return Array.isArray(value) && value.every((item) => chromeAccepts(schema.items!, item));
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    default:
      return typeof value === schema.type;
  }
}

function walk(schema: ChromeSchema, visit: (node: ChromeSchema) => void): void {
  visit(schema);
  Object.values(schema.properties ?? {}).forEach((child) => walk(child, visit));
  if (schema.items) walk(schema.items, visit);
}

const schema = managedSchema();
const validPolicy: Policy = {
  mode: 'confirm',
  messengers: ['telegram', 'whatsapp'],
  extraRules: [{ messenger: 'telegram', host: 'tg.example.org', pathPrefix: '/chat', surface: 'client' }],
  snoozeMinutes: 15,
  alternative: { name: 'МАКС', url: 'https://web.max.ru', instructionsUrl: 'https://example.org/how' },
  message: { ru: 'Школьные чаты — в Сферуме', en: 'School chats live in Sferum' },
  reportEndpoint: 'https://collector.example.org/api/v1/reports',
  reportToken: 'abc.DEF-123',
  orgId: 'school-0547',
  reportIntervalMinutes: 720,
  locale: 'ru',
};

describe('managed_schema generated from the zod Policy', () => {
  it('has exactly the keys of the Policy, nested ones too', () => {
    expect(Object.keys(schema.properties ?? {})).toEqual(POLICY_KEYS);
    expect(Object.keys(schema.properties?.alternative?.properties ?? {})).toEqual(Object.keys(DEFAULT_POLICY.alternative));
    expect(Object.keys(schema.properties?.message?.properties ?? {})).toEqual(['ru', 'en']);
    expect(Object.keys(schema.properties?.extraRules?.items?.properties ?? {})).toEqual(['messenger', 'host', 'pathPrefix', 'surface']);
  });

  it('uses only what Chrome accepts: a type on every node, integers as "integer", no unions or $schema', () => {
    walk(schema, (node) => expect(CHROME_TYPES).toContain(node.type));
    const text = JSON.stringify(schema);
    for (const word of ['anyOf', 'oneOf', '$schema', 'default', 'const', 'additionalProperties']) expect(text).not.toContain(word);
    expect(schema.properties?.snoozeMinutes?.type).toBe('integer');
    expect(schema.properties?.reportIntervalMinutes?.type).toBe('integer');
  });

  it('lets every value zod accepts through, so Chrome never drops a valid setting', () => {
    expect(Policy.safeParse(validPolicy).success).toBe(true);
    expect(chromeAccepts(schema, validPolicy)).toBe(true);
    expect(chromeAccepts(schema, DEFAULT_POLICY)).toBe(true);
  });

  it.each<[PolicyKey, unknown]>([
    ['mode', 3],
    ['messengers', 'telegram'],
    ['extraRules', [{ messenger: 'telegram', host: 5, surface: 'client' }]],
    ['snoozeMinutes', '15'],
    ['snoozeMinutes', 1.5],
    ['alternative', 'https://sferum.ru'],
    ['message', { ru: 1 }],
    ['locale', true],
  ])('agrees with zod that %s = %j has the wrong type', (key, value) => {
    expect(chromeAccepts(schema.properties![key]!, value)).toBe(false);
    expect(POLICY_SHAPE[key].safeParse(value).success).toBe(false);
  });

  it.each<[PolicyKey, unknown]>([
    ['mode', 'blok'],
    ['messengers', ['icq']],
    ['extraRules', [{ messenger: 'telegram', host: 'Bad Host', surface: 'client' }]],
    ['snoozeMinutes', 5000],
    ['alternative', { name: 'X', url: 'javascript:alert(1)', instructionsUrl: 'https://x.example' }],
    ['message', { ru: 'я'.repeat(501) }],
    ['reportEndpoint', 'http://collector.example.org'],
    ['orgId', 'школа 1'],
  ])('passes %s = %j to the extension, where zod rejects it and the popup names it', (key, value) => {
    expect(chromeAccepts(schema.properties![key]!, value)).toBe(true);
    expect(POLICY_SHAPE[key].safeParse(value).success).toBe(false);
  });
});
