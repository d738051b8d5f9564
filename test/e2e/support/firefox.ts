import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/** Debian's Firefox ESR, installed by scripts/ensure-test-env.sh. */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** WXT builds Firefox as MV2 unless told otherwise; take whichever the config produces. */
export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv3');
/** Debian's firefox-esr reads machine policy from its distribution folder. */
export const FIREFOX_POLICY_FILE = process.env.FIREFOX_POLICY_FILE ?? '/usr/lib/firefox-esr/distribution/policies.json';

export function buildFirefoxExtension(): void {
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: 'ignore' });
  if (!existsSync(`${FIREFOX_EXTENSION_DIR}/manifest.json`)) throw new Error(`no Firefox build in ${FIREFOX_EXTENSION_DIR}`);
}

/** Machine-wide policies.json; hold the e2e lock and always call removeFirefoxPolicies(). */
export function writeFirefoxPolicies(contents: Buffer | string): void {
  mkdirSync(dirname(FIREFOX_POLICY_FILE), { recursive: true });
  writeFileSync(FIREFOX_POLICY_FILE, contents);
}

export function removeFirefoxPolicies(): void {
  rmSync(FIREFOX_POLICY_FILE, { force: true });
}

/**
 * A plain HTTP proxy on 127.0.0.1 answering every page with a fixture: messenger sites are out of
 * reach here, and Firefox has no request routing like Playwright's. Content scripts match
 * `*://host/…`, so http:// pages are enough.
 */
export async function startFixtureProxy(pages: Record<string, string>): Promise<{ port: number; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    let host = '';
    try {
      host = new URL(request.url ?? '').host;
    } catch {
      // not a proxy request
    }
    const body = pages[host];
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { port: (server.address() as AddressInfo).port, close: () => new Promise<void>((done) => server.close(() => done())) };
}

/** Firefox ESR over WebDriver BiDi, its http traffic sent to the fixture proxy, https upgrades off. */
export function launchFirefox(proxyPort: number): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    protocol: 'webDriverBiDi',
    headless: true,
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxyPort,
      'network.proxy.no_proxies_on': '',
      'dom.security.https_first': false,
      'dom.security.https_first_schemeless': false,
      'dom.security.https_only_mode': false,
      'network.stricttransportsecurity.preloadlist': false,
    },
  });
}

interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { value?: unknown };
}
/** The BiDi realm of a page's main frame, which puppeteer keeps internal. */
interface BidiRealm {
  callFunction(functionDeclaration: string, awaitPromise: boolean, options: Record<string, unknown>): Promise<EvaluateResult>;
}

/**
 * The text of an element inside a closed shadow root, once it is drawn on the page. The page's
 * scripts get null for a closed root; WebDriver BiDi hands the driver a reference to it when asked
 * to serialize shadow trees "all". puppeteer has no option for that, so this calls its realm.
 */
export async function closedShadowText(page: Page, hostName: string, selector: string, timeout = 20_000): Promise<string> {
  const realm = (page.mainFrame() as unknown as { mainRealm(): { realm: BidiRealm } }).mainRealm().realm;
  const deadline = Date.now() + timeout;
  for (;;) {
    const host = await realm.callFunction('(name) => document.querySelector(name)', false, {
      arguments: [{ type: 'string', value: hostName }],
      serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
    });
    const shadowRoot = (host.result?.value as { shadowRoot?: { sharedId: string } } | undefined)?.shadowRoot;
    if (shadowRoot) {
      const shown = await realm.callFunction(
        `(root, selector) => {
          const element = root.querySelector(selector);
          const box = element?.getBoundingClientRect();
          const onScreen = box && box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight && element.checkVisibility();
          return onScreen ? element.textContent : null;
        }`,
        false,
        { arguments: [{ sharedId: shadowRoot.sharedId }, { type: 'string', value: selector }] },
      );
      if (typeof shown.result?.value === 'string') return shown.result.value;
    }
    if (Date.now() > deadline) throw new Error(`no ${selector} shown in <${hostName}> within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
