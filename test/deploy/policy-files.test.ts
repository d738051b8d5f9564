import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_BROWSERS } from '../../deploy/browsers';
import { DEV_EXTENSION_ID } from '../../deploy/extension-id';
import { FIREFOX_EXTENSION_ID } from '../../deploy/firefox-policy';
import { policyFiles, type PolicyFile } from '../../deploy/policy-files';
import { type ChromeSchema, managedSchema } from '../../protocol/managed-schema';
import { POLICY_KEYS, POLICY_SHAPE, type Policy, type PolicyKey } from '../../protocol/policy';
import { readReg } from './reg-reader';
import { schemaProblems } from './schema-check';

const district: Partial<Policy> = {
  mode: 'confirm',
  messengers: ['whatsapp', 'telegram'],
  extraRules: [{ messenger: 'telegram', host: 'tg.example.org', pathPrefix: '/chat', surface: 'client' }],
  snoozeMinutes: 30,
  alternative: { name: 'Сферум', url: 'https://sferum.ru', instructionsUrl: 'https://prof.sferum.ru/faq_sferum/kakie_chaty_perenosyatsya' },
  message: { ru: 'Для школьных чатов — «Сферум». Спасибо!', en: 'Please use "Sferum" for school chats.' },
  reportEndpoint: 'https://collector.district.example/api/v1/report',
  reportToken: 'tok_ABC-123',
  orgId: 'school-42',
  reportIntervalMinutes: 720,
  locale: 'ru',
};
const updateUrl = 'https://updates.district.example/podskazka/updates.xml';
const xpiUrl = 'https://updates.district.example/podskazka/podskazka-1.0.0.xpi';
const files = policyFiles({ config: district, extensionId: DEV_EXTENSION_ID, updateUrl, xpiUrl });

function file(path: string): PolicyFile {
  const found = files.find((candidate) => candidate.path === path);
  if (!found) throw new Error(`${path} not generated`);
  return found;
}

/** Every managed value must be a valid Policy value and fit the manifest's schema, or Chrome drops it. */
function expectValidManagedConfig(config: Record<string, unknown>, schemas: ChromeSchema[]) {
  expect(Object.keys(config).every((key) => (POLICY_KEYS as string[]).includes(key))).toBe(true);
  for (const [key, value] of Object.entries(config)) expect(POLICY_SHAPE[key as PolicyKey].safeParse(value).success).toBe(true);
  for (const schema of schemas) expect(schemaProblems(config, schema)).toEqual([]);
}

const builtSchemaPath = '.output/chrome-mv3/managed_schema.json';
const schemas: ChromeSchema[] = [managedSchema()];
if (existsSync(builtSchemaPath)) schemas.push(JSON.parse(readFileSync(builtSchemaPath, 'utf8')) as ChromeSchema);

describe('policy files for a district', () => {
  it('are the files an IT person needs, each with a place to go', () => {
    expect(files.map((each) => each.path).sort()).toEqual([
      'README.txt',
      'firefox/policies-esr-unsigned.json',
      'firefox/policies.json',
      'linux/chrome/podskazka.json',
      'linux/chromium/podskazka.json',
      'linux/yandex/podskazka.json',
      'windows/chrome.reg',
      'windows/chromium.reg',
      'windows/remove-podskazka.reg',
      'windows/yandex.reg',
    ]);
    expect(file('linux/chromium/podskazka.json').installTo).toBe('/etc/chromium/policies/managed/podskazka.json');
    expect(file('linux/chrome/podskazka.json').installTo).toBe('/etc/opt/chrome/policies/managed/podskazka.json');
    expect(file('linux/yandex/podskazka.json').installTo).toBe('/etc/opt/yandex/browser/policies/managed/podskazka.json');
    const readme = file('README.txt').contents.toString('utf8');
    for (const each of files.filter((candidate) => candidate.path !== 'README.txt')) expect(readme).toContain(each.path);
  });

  it.each(CHROMIUM_BROWSERS.map((browser) => browser.id))('Linux JSON for %s force-installs from the update URL and carries the settings', (id) => {
    const json = JSON.parse(file(`linux/${id}/podskazka.json`).contents.toString('utf8')) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(['3rdparty', 'ExtensionSettings']);
    expect(json.ExtensionSettings).toEqual({
      [DEV_EXTENSION_ID]: { installation_mode: 'force_installed', update_url: updateUrl, toolbar_pin: 'force_pinned' },
    });
    const managed = (json['3rdparty'] as { extensions: Record<string, Record<string, unknown>> }).extensions;
    expect(Object.keys(managed)).toEqual([DEV_EXTENSION_ID]);
    expect(managed[DEV_EXTENSION_ID]).toEqual(district);
    expectValidManagedConfig(managed[DEV_EXTENSION_ID]!, schemas);
  });

  it.each(CHROMIUM_BROWSERS)('Windows .reg for $name: regedit format, force-install, every setting typed as Chrome reads it', (browser) => {
    const reg = readReg(file(`windows/${browser.id}.reg`).contents);
    expect(reg.header).toBe('Windows Registry Editor Version 5.00');
    expect(reg.text).not.toMatch(/[^\r]\n/);
    const root = reg.keys.get(browser.registryKey);
    const settings = root?.get('ExtensionSettings');
    expect(settings?.type).toBe('REG_SZ');
    expect(JSON.parse(settings?.type === 'REG_SZ' ? settings.value : '')).toEqual({
      [DEV_EXTENSION_ID]: { installation_mode: 'force_installed', update_url: updateUrl, toolbar_pin: 'force_pinned' },
    });
    const policyKey = `${browser.registryKey}\\3rdparty\\extensions\\${DEV_EXTENSION_ID}\\policy`;
    const values = reg.keys.get(policyKey);
    expect(values).toBeDefined();
    const schema = managedSchema();
    const readBack: Record<string, unknown> = {};
    for (const [name, value] of values ?? []) {
      const type = schema.properties?.[name]?.type;
      if (type === 'integer') expect(value.type).toBe('REG_DWORD');
      else expect(value.type).toBe('REG_SZ');
      if (value.type === 'REG_DWORD') readBack[name] = value.value;
      else if (value.type === 'REG_SZ') readBack[name] = type === 'object' || type === 'array' ? JSON.parse(value.value) : value.value;
    }
    expect(readBack).toEqual(district);
    expectValidManagedConfig(readBack, schemas);
  });

  it('the removal .reg deletes the force-install and the settings for every browser', () => {
    const reg = readReg(file('windows/remove-podskazka.reg').contents);
    for (const browser of CHROMIUM_BROWSERS) {
      expect(reg.keys.get(browser.registryKey)?.get('ExtensionSettings')).toEqual({ type: 'DELETE' });
      expect(reg.deletedKeys).toContain(`${browser.registryKey}\\3rdparty\\extensions\\${DEV_EXTENSION_ID}`);
    }
  });

  it('Firefox policies.json force-installs the XPI and carries the settings under the gecko id', () => {
    const json = JSON.parse(file('firefox/policies.json').contents.toString('utf8')) as {
      policies: { ExtensionSettings: Record<string, unknown>; '3rdparty': { Extensions: Record<string, Record<string, unknown>> } };
    };
    expect(json.policies.ExtensionSettings).toEqual({ [FIREFOX_EXTENSION_ID]: { installation_mode: 'force_installed', install_url: xpiUrl } });
    expect(json.policies['3rdparty'].Extensions[FIREFOX_EXTENSION_ID]).toEqual(district);
    expectValidManagedConfig(json.policies['3rdparty'].Extensions[FIREFOX_EXTENSION_ID]!, schemas);
  });

  it('the ESR variant also lets Firefox ESR install the unsigned XPI, and nothing else differs', () => {
    const signed = JSON.parse(file('firefox/policies.json').contents.toString('utf8')) as { policies: Record<string, unknown> };
    const esr = JSON.parse(file('firefox/policies-esr-unsigned.json').contents.toString('utf8')) as { policies: Record<string, unknown> };
    expect(signed.policies.Preferences).toBeUndefined();
    const { Preferences, ...rest } = esr.policies;
    expect(Preferences).toEqual({ 'xpinstall.signatures.required': { Value: false, Status: 'locked' } });
    expect(rest).toEqual(signed.policies);
  });

  it('without an XPI address, Firefox gets the settings only (for an extension installed another way)', () => {
    const withoutXpi = policyFiles({ config: { mode: 'inform' }, extensionId: DEV_EXTENSION_ID, updateUrl });
    expect(withoutXpi.some((each) => each.path === 'firefox/policies-esr-unsigned.json')).toBe(false);
    const firefox = withoutXpi.find((each) => each.path === 'firefox/policies.json');
    const json = JSON.parse(firefox!.contents.toString('utf8')) as { policies: Record<string, unknown> };
    expect(Object.keys(json.policies)).toEqual(['3rdparty']);
  });

  it('only the keys the district set are written, plus the Russian interface, so defaults stay with the extension', () => {
    const minimal = policyFiles({ config: { orgId: 'school-7' }, extensionId: DEV_EXTENSION_ID, updateUrl });
    const linux = JSON.parse(minimal.find((each) => each.path === 'linux/chromium/podskazka.json')!.contents.toString('utf8')) as {
      '3rdparty': { extensions: Record<string, unknown> };
    };
    expect(linux['3rdparty'].extensions[DEV_EXTENSION_ID]).toEqual({ orgId: 'school-7', locale: 'ru' });
    const english = policyFiles({ config: { locale: 'en' }, extensionId: DEV_EXTENSION_ID, updateUrl });
    expect(english.find((each) => each.path === 'firefox/policies.json')!.contents.toString('utf8')).toContain('"locale": "en"');
  });

  it('refuses a wrong setting, naming it, instead of writing a file the browsers would ignore', () => {
    expect(() => policyFiles({ config: { mode: 'blok' } as unknown as Partial<Policy>, extensionId: DEV_EXTENSION_ID, updateUrl })).toThrow(/mode/);
    expect(() => policyFiles({ config: { reportEndpoint: 'http://collector.example/' }, extensionId: DEV_EXTENSION_ID, updateUrl })).toThrow(/reportEndpoint/);
    expect(() => policyFiles({ config: {}, extensionId: 'not-an-id', updateUrl })).toThrow(/extension id/);
    expect(() => policyFiles({ config: {}, extensionId: DEV_EXTENSION_ID, updateUrl: 'ftp://x/updates.xml' })).toThrow(/updateUrl/);
  });
});
