import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_POLICY, SFERUM } from '../../../protocol/policy';
import { describeProblem, loadSettings, OPTIONS_KEY, saveOptions, watchSettings, type EffectiveSettings } from '../../../settings';

/** The problems as a person reads them; the non-breaking spaces are typography's business (i18n/typography). */
const texts = (result: EffectiveSettings, language: 'ru' | 'en' = 'ru') => result.problems.map((problem) => describeProblem(problem, language).replaceAll('\u00a0', ' '));

describe('loadSettings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('gives the defaults when there is neither policy nor options', async () => {
    const result = await loadSettings();
    expect(result).toEqual({ settings: DEFAULT_POLICY, lockedKeys: [], problems: [] });
    expect(result.settings.mode).toBe('inform');
    expect(result.settings.alternative).toEqual(SFERUM);
  });

  it('takes the policy over the options and the options over the defaults, locking what the policy sets', async () => {
    await fakeBrowser.storage.managed.set({ mode: 'block', snoozeMinutes: 10 });
    await saveOptions({ mode: 'off', snoozeMinutes: 5, messengers: ['telegram'] });
    const { settings, lockedKeys, problems } = await loadSettings();
    expect(settings.mode).toBe('block');
    expect(settings.snoozeMinutes).toBe(10);
    expect(settings.messengers).toEqual(['telegram']);
    expect(settings.locale).toBe('ru');
    expect(lockedKeys).toEqual(['mode', 'snoozeMinutes']);
    expect(problems).toEqual([]);
  });

  it('ignores only the invalid policy value, applies its default and names it in plain Russian', async () => {
    await fakeBrowser.storage.managed.set({ mode: 'blok', message: { ru: 'Пишите в Сферум' }, snoozeMinutes: 30 });
    await saveOptions({ mode: 'confirm' });
    const result = await loadSettings();
    expect(result.settings.mode).toBe('inform');
    expect(result.settings.message).toEqual({ ru: 'Пишите в Сферум' });
    expect(result.settings.snoozeMinutes).toBe(30);
    expect(result.lockedKeys).toContain('mode');
    expect(texts(result)).toEqual(['Политика: значение "blok" для mode недопустимо, используется inform']);
    expect(texts(result, 'en')).toEqual(['Policy: the value "blok" for mode is not allowed; using inform']);
  });

  it.each([
    ['a wrong type', { snoozeMinutes: '15' }, 'snoozeMinutes', 60],
    ['a javascript: address', { alternative: { name: 'X', url: 'javascript:alert(1)', instructionsUrl: 'https://x.example' } }, 'alternative', SFERUM],
    ['an over-long message', { message: { ru: 'я'.repeat(501) } }, 'message', {}],
    ['a number out of range', { reportIntervalMinutes: 5 }, 'reportIntervalMinutes', 360],
    ['an unknown messenger', { messengers: ['icq'] }, 'messengers', DEFAULT_POLICY.messengers],
  ])('survives %s', async (_name, managed, key, expected) => {
    await fakeBrowser.storage.managed.set({ ...managed, locale: 'en' });
    const result = await loadSettings();
    expect(result.settings[key as keyof typeof result.settings]).toEqual(expected);
    expect(result.settings.locale).toBe('en');
    expect(result.problems.map((problem) => problem.key)).toEqual([key]);
    expect(texts(result)[0]).toMatch(new RegExp(`^Политика: значение .+ для ${key} недопустимо, используется `));
  });

  it('drops only the invalid extraRules entries and reports each', async () => {
    const good = { messenger: 'telegram', host: 'tg.example.org', surface: 'client' };
    await fakeBrowser.storage.managed.set({ extraRules: [good, { messenger: 'telegram', host: 'Bad Host', surface: 'client' }] });
    const result = await loadSettings();
    expect(result.settings.extraRules).toEqual([good]);
    expect(texts(result)).toEqual([
      'Политика: правило extraRules[1] {"messenger":"telegram","host":"Bad Host","surface":"client"} недопустимо и пропущено, остальные правила работают',
    ]);
  });

  it('never shows the report token back', async () => {
    await fakeBrowser.storage.managed.set({ reportToken: 'secret token with spaces' });
    const [text] = texts(await loadSettings());
    expect(text).toBe('Политика: значение (скрыто) для reportToken недопустимо, используется пустое значение');
  });

  it('reports unknown keys and a policy that is not an object', async () => {
    await fakeBrowser.storage.managed.set({ mood: 'happy' });
    expect(texts(await loadSettings())).toEqual(['Политика: неизвестный ключ mood пропущен']);
    await fakeBrowser.storage.managed.clear();
    await fakeBrowser.storage.local.set({ [OPTIONS_KEY]: 'block' });
    expect(texts(await loadSettings())).toEqual(['Настройки: настройки должны быть объектом JSON, используются значения по умолчанию']);
  });

  it('treats a managed storage that throws (Firefox without policy) as no policy', async () => {
    vi.spyOn(browser.storage.managed, 'get').mockRejectedValueOnce(new Error('Managed storage manifest not found'));
    await saveOptions({ mode: 'confirm' });
    const result = await loadSettings();
    expect(result.settings.mode).toBe('confirm');
    expect(result.problems).toEqual([]);
  });
});

describe('watchSettings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('follows live changes of the policy and of the options, and stops when asked', async () => {
    const seen: string[] = [];
    let notify: () => void = () => {};
    const stop = watchSettings((result) => {
      seen.push(result.settings.mode);
      notify();
    });
    const next = () => new Promise<void>((resolve) => (notify = resolve));

    let arrived = next();
    await saveOptions({ mode: 'confirm' });
    await arrived;
    arrived = next();
    await fakeBrowser.storage.managed.set({ mode: 'block' });
    await arrived;
    await fakeBrowser.storage.local.set({ tally: {} });
    stop();
    await saveOptions({ mode: 'off' });
    await loadSettings();
    expect(seen).toEqual(['confirm', 'block']);
  });
});
