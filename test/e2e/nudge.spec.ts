import { expect, test } from '@playwright/test';
import { launchWithFixtures, type ExtensionBrowser } from './fixtures/launch';
import { banner } from './fixtures/banner';
import { NUDGE_ELEMENT, settle, todayCounts } from './fixtures/nudge';

let browser: ExtensionBrowser;
test.beforeEach(async () => {
  browser = await launchWithFixtures();
});
test.afterEach(async () => {
  await browser.close();
});

/** Every surface of the catalogue, one URL each (Viber has only its invite link). */
const SURFACES: [messenger: string, url: string][] = [
  ['telegram', 'https://web.telegram.org/k/'],
  ['telegram', 'https://t.me/+AbCdEf123'],
  ['telegram', 'https://t.me/joinchat/AbCdEf'],
  ['whatsapp', 'https://web.whatsapp.com/'],
  ['whatsapp', 'https://chat.whatsapp.com/Fz3kQ9aBc'],
  ['discord', 'https://discord.com/channels/@me'],
  ['discord', 'https://discord.gg/abcdef'],
  ['teams', 'https://teams.microsoft.com/v2/'],
  ['teams', 'https://teams.live.com/'],
  ['teams', 'https://teams.cloud.microsoft/'],
  ['skype', 'https://web.skype.com/'],
  ['skype', 'https://join.skype.com/AbCdEf'],
  ['snapchat', 'https://web.snapchat.com/'],
  ['threema', 'https://web.threema.ch/'],
  ['viber', 'https://invite.viber.com/?g2=AQBxyz'],
  ['wechat', 'https://web.wechat.com/'],
  ['wechat', 'https://wx.qq.com/'],
];

test('the nudge appears on every surface of all nine messengers, and each visit is counted', async () => {
  const expected: Record<string, Record<string, number>> = {};
  for (const [messenger, url] of SURFACES) {
    const page = await browser.context.newPage();
    await page.goto(url);
    await expect.poll(() => banner(page).isVisible(), { message: url }).toBe(true);
    await expect.poll(() => banner(page).text()).toContain('иностранный мессенджер');
    await page.close();
    const counts = (expected[messenger] ??= { opened: 0, nudge_shown: 0 });
    counts.opened! += 1;
    counts.nudge_shown! += 1;
  }
  expect(Object.keys(expected)).toHaveLength(9);
  await expect.poll(() => todayCounts(browser.worker)).toEqual(expected);
});

test('nothing happens on Sferum, MAX, VK, ordinary sites and look-alikes', async () => {
  const page = await browser.context.newPage();
  const quiet = [
    'https://sferum.ru/?p=messages',
    'https://web.max.ru/',
    'https://vk.com/im',
    'https://example.org/',
    'https://ya.ru/',
    'https://web.telegram.org.example.com/k/',
    'https://notdiscord.com/channels/@me',
    'https://discоrd.com/channels/@me', // Cyrillic о: a punycode homograph
    'https://discord.com/application-directory',
    'https://t.me/durov',
  ];
  for (const url of quiet) {
    await page.goto(url);
    await settle(page);
    await expect(page.locator(NUDGE_ELEMENT), url).toHaveCount(0);
  }
  // A listed page afterwards is counted alone: the quiet pages sent nothing.
  await page.goto('https://web.whatsapp.com/');
  await expect.poll(() => banner(page).isVisible()).toBe(true);
  await expect.poll(() => todayCounts(browser.worker)).toEqual({ whatsapp: { opened: 1, nudge_shown: 1 } });
});

test('in-app routes do not re-count or re-show; a route to a new surface counts once', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://discord.com/channels/1/2');
  await expect.poll(() => banner(page).isVisible()).toBe(true);
  await expect.poll(() => todayCounts(browser.worker)).toEqual({ discord: { opened: 1, nudge_shown: 1 } });

  await page.locator('#route-channel-2').click();
  await page.locator('#route-channel').click();
  await expect(page).toHaveURL('https://discord.com/channels/1/2');
  await page.locator('#route-invite').click();
  await expect(page).toHaveURL('https://discord.com/invite/abc');
  await expect.poll(() => todayCounts(browser.worker)).toEqual({ discord: { opened: 2, nudge_shown: 1 } });
  await page.locator('#route-channel').click();
  await page.goBack();
  await settle(page);
  expect(await todayCounts(browser.worker)).toEqual({ discord: { opened: 2, nudge_shown: 1 } });
  await expect(page.locator(NUDGE_ELEMENT)).toHaveCount(1);
});
