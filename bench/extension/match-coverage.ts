// Proof that the content script is injected on the catalogue's pages and nowhere else:
// 1. the built manifest's matches are exactly contentScriptMatches() (generated, not typed);
// 2. Chrome's match-pattern rules, applied here, match no ordinary URL of the list below;
// 3. in Chromium, loading each URL, the extension's isolated world appears only on catalogue pages.
// Usage: flock /tmp/podskazka-e2e.lock sh -c 'npx wxt build && npx tsx bench/extension/match-coverage.ts'
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { classifyUrl, contentScriptMatches } from '../../rules';
import { EXTENSION_DIR, EXTENSION_ID, launchChromium } from '../../test/e2e/support/chromium';
import { serveFixturePages } from '../../test/e2e/fixtures/serve';

export const LISTED = [
  'https://web.telegram.org/k/', 'https://t.me/+AbCdEf', 'https://t.me/joinchat/AbCdEf', 'https://web.whatsapp.com/',
  'https://chat.whatsapp.com/AbC', 'https://discord.com/channels/@me', 'https://discord.com/app', 'https://discord.gg/abc',
  'https://discord.com/invite/abc', 'https://teams.microsoft.com/v2/', 'https://teams.live.com/', 'https://teams.cloud.microsoft/',
  'https://web.skype.com/', 'https://join.skype.com/AbC', 'https://web.snapchat.com/', 'https://www.snapchat.com/web',
  'https://web.threema.ch/', 'https://invite.viber.com/?g2=AQB', 'https://web.wechat.com/', 'https://wx.qq.com/',
];

export const ORDINARY = [
  'https://sferum.ru/', 'https://sferum.ru/?p=messages', 'https://web.max.ru/', 'https://max.ru/', 'https://vk.com/im',
  'https://web.vk.me/', 'https://messenger.vk.com/', 'https://ya.ru/', 'https://mail.ru/', 'https://gosuslugi.ru/',
  'https://myschool.edu.ru/', 'https://example.org/', 'https://www.google.com/search?q=web.telegram.org',
  'https://telegram.org/', 'https://t.me/durov', 'https://t.me/s/channel', 'https://discord.com/', 'https://discord.com/download',
  'https://discord.com/application-directory', 'https://discord.com/channelsx', 'https://www.snapchat.com/', 'https://www.snapchat.com/webinar',
  'https://www.whatsapp.com/', 'https://www.skype.com/', 'https://www.viber.com/', 'https://threema.ch/', 'https://www.wechat.com/',
  'https://microsoft.com/teams', 'https://www.microsoft.com/microsoft-teams/',
  'https://web.telegram.org.example.com/k/', 'https://notdiscord.com/channels/1', 'https://discord.com.evil.example/channels/1',
  'https://web-telegram.org/', 'https://webtelegram.org/', 'https://web.whatsapp.com.example.net/', 'https://xn--web-whtsapp-tdb.com/',
  'https://discоrd.com/channels/1', 'https://web.whatsаpp.com/', 'https://evil.example/?next=https://web.telegram.org/',
];

/** Chrome's match-pattern semantics for `*://host/path` patterns (the only form generated). */
export function patternMatches(pattern: string, url: string): boolean {
  const [, scheme, host, path] = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern) ?? [];
  if (!scheme || !host || !path) throw new Error(`unexpected pattern ${pattern}`);
  const parsed = new URL(url);
  if (scheme === '*' ? !['http:', 'https:'].includes(parsed.protocol) : parsed.protocol !== `${scheme}:`) return false;
  if (parsed.hostname !== host) return false;
  const glob = new RegExp(`^${path.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return glob.test(parsed.pathname + parsed.search);
}

const generated = contentScriptMatches();
const manifest = JSON.parse(readFileSync(resolve(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { content_scripts: { matches: string[] }[] };
const built = manifest.content_scripts.flatMap((script) => script.matches).sort();
console.log(`1. built manifest matches = contentScriptMatches(): ${JSON.stringify(built) === JSON.stringify(generated)} (${generated.length} patterns)`);

const staticHits = ORDINARY.filter((url) => generated.some((pattern) => patternMatches(pattern, url)));
const staticMisses = LISTED.filter((url) => !generated.some((pattern) => patternMatches(pattern, url)));
const classified = ORDINARY.filter((url) => classifyUrl(url) !== null);
console.log(`2. match patterns: ${ORDINARY.length} ordinary URLs, ${staticHits.length} matched ${JSON.stringify(staticHits)}; ${LISTED.length} listed URLs, ${staticMisses.length} missed ${JSON.stringify(staticMisses)}; classifyUrl non-null on ordinary: ${classified.length}`);

const browser = await launchChromium();
try {
  await serveFixturePages(browser.context);
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  let injected = false;
  cdp.on('Runtime.executionContextCreated', ({ context }: { context: { origin: string; auxData?: { type?: string } } }) => {
    if (context.auxData?.type === 'isolated' && context.origin === `chrome-extension://${EXTENSION_ID}`) injected = true;
  });
  await cdp.send('Runtime.enable');
  const injectedOn = async (url: string) => {
    injected = false;
    await page.goto(url);
    await page.waitForLoadState('load');
    return injected;
  };
  const browserHits: string[] = [];
  for (const url of ORDINARY) if (await injectedOn(url)) browserHits.push(url);
  const browserMisses: string[] = [];
  for (const url of LISTED) if (!(await injectedOn(url))) browserMisses.push(url);
  console.log(`3. Chromium: content script injected on ${browserHits.length} of ${ORDINARY.length} ordinary URLs ${JSON.stringify(browserHits)}, and on ${LISTED.length - browserMisses.length} of ${LISTED.length} listed URLs ${browserMisses.length ? JSON.stringify(browserMisses) : ''}`);
} finally {
  await browser.close();
}
