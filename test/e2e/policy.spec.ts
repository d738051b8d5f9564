import { expect, test, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { NUDGE_SCRIPT_FILE } from '../../background/extra-content-scripts';
import { EXTENSION_ID, extensionWorker, launchChromium } from './support/chromium';
import { removeManagedPolicy, writeManagedPolicy } from './support/managed-policy';
import { banner, interstitial, INTERSTITIAL_ELEMENT } from './fixtures/banner';
import { NUDGE_ELEMENT, todayCounts } from './fixtures/nudge';
import { serveFixturePages } from './fixtures/serve';

/**
 * A real managed policy: the file goes to Chromium's machine-wide policy folder before the browser
 * starts, exactly as a district deploys it. Always removed afterwards, also when a test fails.
 */
process.env.LANGUAGE = 'ru';
const EXTENSION = `chrome-extension://${EXTENSION_ID}`;
const MIRROR = 'tg.district-mirror.example';

/** Chrome's extension API inside the worker (evaluated there, typed here). */
interface ChromeStorageArea {
  get(key?: string): Promise<Record<string, unknown>>;
}
declare const chrome: { storage: { managed: ChromeStorageArea; session: ChromeStorageArea }; declarativeNetRequest: { getDynamicRules(): Promise<unknown[]> } };

let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
let context: BrowserContext;
let worker: Worker;

async function startWithPolicy(policy: Record<string, unknown>): Promise<void> {
  writeManagedPolicy(policy);
  browser = await launchChromium({ extraArgs: ['--lang=ru'] });
  context = browser.context;
  worker = await extensionWorker(context);
  await serveFixturePages(context);
  // The worker applies the policy (network rules, page rules) right after it starts.
  await expect.poll(() => worker.evaluate(async () => Object.keys(await chrome.storage.managed.get()).length)).toBeGreaterThan(0);
  // block mode's network rules follow a moment later (the first page of a profile's first start is policy-startup.spec.ts)
  if (policy.mode === 'block') await expect.poll(() => worker.evaluate(async () => (await chrome.declarativeNetRequest.getDynamicRules()).length)).toBeGreaterThan(0);
}

// A run killed half-way may have left its file behind: never start on a stale policy.
test.beforeAll(() => removeManagedPolicy());

test.afterEach(async () => {
  try {
    await browser?.close();
  } finally {
    browser = undefined;
    removeManagedPolicy();
  }
});

async function extensionPage(path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${EXTENSION}/${path}`);
  return page;
}

test('an invalid value is named in the popup while the district message, alternative and the rest apply', async () => {
  await startWithPolicy({
    mode: 'blok',
    locale: 'ru',
    message: { ru: 'Наш район ведёт школьные чаты в МАКС. <b>не жирный</b>' },
    alternative: { name: 'МАКС', url: 'https://web.max.ru/', instructionsUrl: 'https://example.org/kak-perejti' },
  });
  const page = await context.newPage();
  await page.goto('https://web.telegram.org/k/');
  await expect.poll(() => banner(page).isVisible()).toBe(true);
  await expect.poll(() => banner(page).text()).toContain('Наш район ведёт школьные чаты в МАКС. <b>не жирный</b>');
  expect(await banner(page).all('b')).toHaveLength(0);
  await expect.poll(() => banner(page).link('Открыть МАКС').attribute('href')).toBe('https://web.max.ru/');

  const popup = await extensionPage('popup.html');
  await expect(popup.getByText('Политика: значение "blok" для mode недопустимо, используется inform')).toBeVisible();

  const options = await extensionPage('options.html');
  const modeField = options.locator('fieldset[data-key="mode"]');
  await expect(modeField).toContainText('задано администратором');
  await expect(modeField.getByRole('radio').first()).toBeDisabled();
  await expect(options.locator('fieldset[data-key="snoozeMinutes"] input')).toBeEnabled();
  await expect(options.locator('fieldset[data-key="alternative"] input').first()).toHaveValue('МАКС');
});

test('confirm: a full-page choice; continuing counts proceeded and snoozes for snoozeMinutes', async () => {
  await startWithPolicy({ mode: 'confirm', snoozeMinutes: 5, locale: 'ru' });
  const page = await context.newPage();
  await page.goto('https://web.telegram.org/k/');
  const dialog = interstitial(page, 'Для школьных чатов — Сферум');
  await expect.poll(() => dialog.isVisible()).toBe(true);
  await expect.poll(() => dialog.link('Перейти в Сферум').attribute('href')).toBe('https://sferum.ru');
  await expect.poll(() => dialog.link('Перейти в Сферум').isFocused()).toBe(true);
  await expect.poll(() => dialog.button('Это личная переписка').isVisible()).toBe(true);
  await expect.poll(() => page.evaluate(() => document.body.inert)).toBe(true);
  await dialog.button('Продолжить').click();
  await expect(page.locator(INTERSTITIAL_ELEMENT)).toHaveCount(0);
  expect(await page.evaluate(() => document.body.inert)).toBe(false);
  await expect.poll(() => todayCounts(worker)).toEqual({ telegram: { opened: 1, nudge_shown: 1, proceeded: 1 } });

  const snoozeLeft = await worker.evaluate(async () => {
    const { snoozeUntil } = (await chrome.storage.session.get('snoozeUntil')) as { snoozeUntil: Record<string, number> };
    return (snoozeUntil.telegram ?? 0) - Date.now();
  });
  expect(snoozeLeft).toBeGreaterThan(4 * 60_000);
  expect(snoozeLeft).toBeLessThanOrEqual(5 * 60_000);

  await page.reload();
  await expect.poll(() => todayCounts(worker)).toEqual({ telegram: { opened: 2, nudge_shown: 1, proceeded: 1 } });
  await expect(page.locator(INTERSTITIAL_ELEMENT)).toHaveCount(0);

  const other = await context.newPage();
  await other.goto('https://web.whatsapp.com/');
  await expect.poll(() => interstitial(other, 'Для школьных чатов — Сферум').isVisible()).toBe(true);
});

test('block: listed pages and district hosts never load, the guide shows instead (in the policy locale); messengers limits it', async () => {
  await startWithPolicy({ mode: 'block', locale: 'en', messengers: ['whatsapp', 'telegram'], extraRules: [{ messenger: 'telegram', host: MIRROR, surface: 'client' }] });
  let whatsappRequests = 0;
  await context.route('https://web.whatsapp.com/**', (route) => {
    whatsappRequests += 1;
    return route.fallback();
  });
  const page = await context.newPage();
  await page.goto('https://web.whatsapp.com/').catch(() => undefined);
  await expect(page).toHaveURL(`${EXTENSION}/guide.html?messenger=whatsapp&reason=blocked`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('note')).toContainText('WhatsApp is closed on this computer by the administrator.');
  expect(whatsappRequests).toBe(0);

  await page.goto(`https://${MIRROR}/`).catch(() => undefined);
  await expect(page).toHaveURL(`${EXTENSION}/guide.html?messenger=telegram&reason=blocked`);

  const discord = await context.newPage();
  await discord.goto('https://discord.com/channels/1/2');
  await expect(discord).toHaveURL('https://discord.com/channels/1/2');
  await expect.poll(() => todayCounts(worker)).toEqual({ whatsapp: { opened: 1, blocked: 1 }, telegram: { opened: 1, blocked: 1 }, discord: { opened: 1 } });
  await expect(discord.locator(NUDGE_ELEMENT)).toHaveCount(0);
});

test('a messenger that fails to load still counts and shows the guide; a bad extraRules entry is reported, the good one applies', async () => {
  await startWithPolicy({
    mode: 'inform',
    locale: 'ru',
    message: { ru: 'Чаты класса — в Сферуме. Вопросы — к завучу.' },
    extraRules: [
      { messenger: 'telegram', host: MIRROR, surface: 'client' },
      { messenger: 'telegram', host: 'Bad Host', surface: 'client' },
    ],
  });
  await context.route('https://web.telegram.org/**', (route) => route.abort('connectionfailed'));
  const page = await context.newPage();
  await page.goto('https://web.telegram.org/k/').catch(() => undefined);
  await expect(page).toHaveURL(`${EXTENSION}/guide.html?messenger=telegram&reason=unreachable`);
  await expect(page.getByRole('note')).toContainText('Telegram не открылся');
  await expect(page.getByRole('note')).toContainText('Чаты класса — в Сферуме. Вопросы — к завучу.');
  await expect.poll(() => todayCounts(worker)).toEqual({ telegram: { opened: 1 } });

  const mirror = await context.newPage();
  await mirror.goto(`https://${MIRROR}/chat`);
  await expect.poll(() => todayCounts(worker)).toEqual({ telegram: { opened: 2 } });
  // Once the teacher grants the host, this file is registered for it: it must be in the build.
  expect(await worker.evaluate(async (file) => (await fetch(`/${file}`)).ok, NUDGE_SCRIPT_FILE)).toBe(true);

  const popup = await extensionPage('popup.html');
  await expect(popup.getByText(/^Политика:\sправило\sextraRules\[1\]\s.*"Bad Host".*\sнедопустимо\sи\sпропущено,\sостальные\sправила\sработают$/)).toBeVisible();
});

test('off: nothing is shown, visits are still counted', async () => {
  await startWithPolicy({ mode: 'off' });
  const page = await context.newPage();
  await page.goto('https://web.telegram.org/k/');
  await expect.poll(() => todayCounts(worker)).toEqual({ telegram: { opened: 1 } });
  await expect(page.locator(NUDGE_ELEMENT)).toHaveCount(0);
});

test('a policy changed while the browser runs takes effect live: the mode, and the options page locks the new key', async () => {
  await startWithPolicy({ mode: 'inform', locale: 'ru' });
  const options = await extensionPage('options.html');
  await expect(options.locator('fieldset[data-key="snoozeMinutes"] input')).toBeEnabled();
  const page = await context.newPage();
  await page.goto('https://web.telegram.org/k/');
  await expect.poll(() => banner(page).isVisible()).toBe(true);

  writeManagedPolicy({ mode: 'confirm', locale: 'ru', snoozeMinutes: 10 });
  const policyPage = await context.newPage();
  await policyPage.goto('chrome://policy');
  await policyPage.locator('#reload-policies').click();
  await expect.poll(() => worker.evaluate(async () => (await chrome.storage.managed.get()).mode)).toBe('confirm');

  await expect(options.locator('fieldset[data-key="snoozeMinutes"]')).toContainText('задано администратором');
  await expect(options.locator('fieldset[data-key="snoozeMinutes"] input')).toBeDisabled();
  const next = await context.newPage();
  await next.goto('https://web.whatsapp.com/');
  await expect.poll(() => interstitial(next, 'Для школьных чатов — Сферум').isVisible()).toBe(true);
});

test('without a policy the options page sets the keys: confirm mode and a district message', async () => {
  removeManagedPolicy();
  browser = await launchChromium({ extraArgs: ['--lang=ru'] });
  context = browser.context;
  worker = await extensionWorker(context);
  await serveFixturePages(context);
  const options = await extensionPage('options.html');
  await expect(options.getByText('задано администратором')).toHaveCount(0);
  await options.locator('input[name="mode"][value="confirm"]').check();
  await options.locator('select[name="locale"]').selectOption('ru');
  await options.locator('textarea[name="message.ru"]').fill('Пишите классу в Сферуме');
  await options.locator('input[name="snoozeMinutes"]').fill('много');
  await options.getByRole('button', { name: /Сохранить|Save/ }).click();
  await expect(options.getByRole('alert')).toContainText('snoozeMinutes');
  await options.locator('input[name="snoozeMinutes"]').fill('15');
  await options.getByRole('button', { name: /Сохранить|Save/ }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Сохранено.' })).toBeVisible();

  const page = await context.newPage();
  await page.goto('https://web.telegram.org/k/');
  await expect.poll(() => interstitial(page, 'Для школьных чатов — Сферум').text()).toContain('Пишите классу в Сферуме');
});
