import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { launchWithFixtures, type ExtensionBrowser } from './fixtures/launch';
import { banner } from './fixtures/banner';
import { settle, todayCounts } from './fixtures/nudge';
import { serveHttpsHosts, type HttpsHosts } from './support/https-hosts';

/**
 * One `opened` per attempt (DESIGN §3) in the built extension: a page that loads, a page that
 * fails (DNS, reset, timeout), and chains of redirects between catalogued hosts — the way the
 * services answer from Russia in 2026. Routes registered later win over the fixture server.
 */
let browser: ExtensionBrowser;
let hosts: HttpsHosts;
test.beforeEach(async () => {
  hosts = await serveHttpsHosts({
    'webk.telegram.org/': { redirect: 'https://web.telegram.org/k/', status: 301 },
    'wa.me/79001234567': { redirect: 'https://api.whatsapp.com/send/?phone=79001234567' },
    'api.whatsapp.com/send/?phone=79001234567': { redirect: 'https://web.whatsapp.com/send?phone=79001234567' },
    'web.skype.com/': { redirect: 'https://teams.live.com/' },
    'discord.gg/AbCdEf': { redirect: 'https://discord.com/invite/AbCdEf', status: 301 },
    // Where the chains land (redirected requests bypass Playwright's routing, so these are served here too).
    'web.telegram.org/k/': 'page',
    'web.whatsapp.com/send?phone=79001234567': 'page',
    'teams.live.com/': 'page',
    'discord.com/invite/AbCdEf': 'page',
    'weba.telegram.org/': { redirect: 'https://web.telegram.org/a/', status: 301 },
    'web.telegram.org/a/': 'reset',
    // chat.whatsapp.com is not served here: after this chain the name does not resolve.
    'wa.me/79007654321': { redirect: 'https://api.whatsapp.com/send/?phone=79007654321' },
    'api.whatsapp.com/send/?phone=79007654321': { redirect: 'https://chat.whatsapp.com/AbCdEf' },
  });
  browser = await launchWithFixtures({ extraArgs: hosts.chromiumArgs });
  // These hosts go to the local server; every other messenger URL stays with the fixture route.
  await browser.context.route((url) => hosts.hosts.has(url.hostname), (route) => route.continue());
});
test.afterEach(async () => {
  await browser.close();
  await hosts.close();
});

/** The catalogue's 2026 surfaces, loaded: each shows the nudge and counts once. */
const NEW_SURFACES: [messenger: string, url: string][] = [
  ['telegram', 'https://webz.telegram.org/'],
  ['telegram', 'https://t.me/addlist/AbCdEf'],
  ['telegram', 'https://telegram.dog/+AbCdEf123'],
  ['whatsapp', 'https://wa.me/79001234567'],
  ['whatsapp', 'https://api.whatsapp.com/send?phone=79001234567'],
  ['teams', 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0'],
  ['teams', 'https://teams.live.com/meet/9312345678901'],
  ['teams', 'https://teams.cloud.microsoft/l/meetup-join/19%3ameeting_abc%40thread.v2/0'],
  ['threema', 'https://threema.id/ABCD1234'],
  ['snapchat', 'https://www.snapchat.com/add/someone'],
  ['wechat', 'https://filehelper.weixin.qq.com/'],
  ['discord', 'https://discordapp.com/channels/@me'],
];

async function routeChain(context: BrowserContext, chain: Record<string, 'namenotresolved' | 'connectionreset' | 'timedout'>) {
  for (const [url, answer] of Object.entries(chain)) {
    await context.route(
      (candidate) => candidate.href === url,
      (route) => route.abort(answer),
    );
  }
}

/** Opens a URL in a fresh tab as a teacher would; a failing one lands on the error page or the guide. */
async function attempt(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url).catch(() => undefined);
  return page;
}

test('every new surface of the 2026 catalogue shows the nudge and counts one attempt', async () => {
  const expected: Record<string, Record<string, number>> = {};
  for (const [messenger, url] of NEW_SURFACES) {
    const page = await attempt(browser.context, url);
    await expect.poll(() => banner(page).isVisible(), { message: url }).toBe(true);
    const counts = (expected[messenger] ??= { opened: 0, nudge_shown: 0 });
    counts.opened! += 1;
    counts.nudge_shown! += 1;
    await expect.poll(() => todayCounts(browser.worker), { message: url }).toEqual(expected);
    await page.close();
  }
});

test('redirect chains between catalogued hosts count one attempt, for the service first tried', async () => {
  for (const url of ['https://webk.telegram.org/', 'https://wa.me/79001234567', 'https://web.skype.com/', 'https://discord.gg/AbCdEf']) {
    const page = await attempt(browser.context, url);
    await expect.poll(() => banner(page).isVisible(), { message: url }).toBe(true);
    await settle(page);
    await page.close();
  }
  await expect
    .poll(() => todayCounts(browser.worker))
    // Skype is retired: its link lands on Teams, whose nudge the teacher then sees; the attempt was Skype's.
    .toEqual({ telegram: { opened: 1, nudge_shown: 1 }, whatsapp: { opened: 1, nudge_shown: 1 }, skype: { opened: 1 }, teams: { nudge_shown: 1 }, discord: { opened: 1, nudge_shown: 1 } });
});

test('a failing service counts one attempt whether DNS, a reset or a timeout stops it, also after redirects', async () => {
  await routeChain(browser.context, {
    'https://web.whatsapp.com/': 'namenotresolved',
    'https://discord.com/channels/@me': 'connectionreset',
    'https://web.telegram.org/k/': 'timedout',
  });
  const guide = (page: Page, url: string) => expect.poll(() => page.url(), { timeout: 15_000, message: url }).toContain('/guide.html?messenger=');
  for (const url of ['https://web.whatsapp.com/', 'https://discord.com/channels/@me', 'https://web.telegram.org/k/', 'https://weba.telegram.org/', 'https://wa.me/79007654321']) {
    const page = await attempt(browser.context, url);
    await guide(page, url);
    await page.close();
  }
  await expect.poll(() => todayCounts(browser.worker)).toEqual({ whatsapp: { opened: 2 }, discord: { opened: 1 }, telegram: { opened: 2 } });
});

test("a page's own scripts add no attempts: route changes count by the surface rule only", async () => {
  const page = await attempt(browser.context, 'https://web.telegram.org/k/');
  await expect.poll(() => banner(page).isVisible()).toBe(true);
  await page.evaluate(() => {
    for (let step = 0; step < 20; step += 1) history.pushState({}, '', `/k/#@chat${step}`);
    history.replaceState({}, '', '/k/#@durov');
  });
  await settle(page);
  await page.reload();
  await settle(page);
  await expect.poll(() => todayCounts(browser.worker)).toEqual({ telegram: { opened: 2, nudge_shown: 2 } });
});
