import preact from '@preact/preset-vite';
import { createRequire } from 'node:module';
import type { InlineConfig } from 'vite';
import { defineConfig } from 'wxt';
import { FIREFOX_EXTENSION_ID } from './deploy/firefox-policy';
import { SECRET_FILE_GLOBS } from './deploy/secret-files';
import { GUIDE_FILE } from './messages/guide-address';
import { managedSchema } from './protocol/managed-schema';
import { onRollupLog } from './scripts/rollup-warnings';
import { catalogueOrigins, contentScriptMatches } from './rules/match-patterns';

/** Public half of deploy/dev-key.pem: gives the stable id leiigdjfeefjmcnfndecnklanfbdneep. */
const CHROME_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA0DQmFYKgaaFqJ1ZpC6j8f4rEnm3/R2XFMBmon5BUWPSKG9YDRS7Q9mlwAhbC90odhiu8xeDF6sakQddwKI2k+13YDr5TWsqXDjGhl5sBpKn01YmcGyLMxI6fH2wUqnU+4N1I7RJuZcjjtyJl1OOyESwil0bRqiKvjQw4/Nez/ifE2YF/cPbbQvZ2u6O63KuC2TuIlmlhKInpEPPMTIHeNJEj7vlbjbICU8Cq9+H46zQZKLfLjjMPsypFR7MXqrY3q1v2V3uoWB5Ei/szW0tN8cNRZgi1NTYeUd2ryhwiLscJ2iF1D/6v+fLzTEowF7J6tlpcaVCgidJpxuXo161G9QIDAQAB';

/**
 * Content scripts run on every messenger page, so they are built smaller than the other entrypoints:
 * - WXT's plain `browser` (the browser's own `browser` or `chrome`) instead of webextension-polyfill
 *   (9 KiB): Chromium and Firefox MV3 both have promise-based `runtime.sendMessage` and `storage`;
 * - terser instead of esbuild's minifier (about 1 KiB less after gzip).
 * Pages and the background keep the polyfill.
 */
function slimContentScriptBuild(config: InlineConfig): void {
  const alias = config.resolve?.alias ?? [];
  const others = Array.isArray(alias) ? alias : Object.entries(alias).map(([find, replacement]) => ({ find, replacement }));
  const plainBrowser = createRequire(import.meta.url).resolve('wxt/browser');
  config.resolve = {
    ...config.resolve,
    alias: [{ find: /^wxt\/browser$/, replacement: plainBrowser }, ...others.filter((entry) => entry.find !== 'wxt/browser')],
  };
  config.build = { ...config.build, minify: 'terser', terserOptions: { compress: { passes: 2 } } };
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  // Firefox 128+ runs MV3 and grants its host_permissions at install, as Chromium does
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()], build: { rollupOptions: { onLog: onRollupLog } } }),
  zip: {
    // The sources zip (Firefox's review asks for one) holds what builds the extension, listed here,
    // never the whole folder: a signing key, settings with the report token or a collector database
    // may sit there (docs/deploy.md asks to keep them elsewhere), and deploy/ holds the dev key.
    includeSources: [
      ...['background', 'components', 'deploy', 'entrypoints', 'i18n', 'messages', 'protocol', 'public', 'rules', 'scripts', 'settings'].map((folder) => `${folder}/**`),
      ...['wxt.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json', 'README.md'],
    ],
    excludeSources: SECRET_FILE_GLOBS,
    exclude: SECRET_FILE_GLOBS,
  },
  hooks: {
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) slimContentScriptBuild(config);
    },
    // generated from the zod Policy schema on every build, so the two never drift
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: 'managed_schema.json', contents: JSON.stringify(managedSchema(), null, 2) });
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'ru',
    permissions: ['storage', 'alarms', 'declarativeNetRequest', 'webNavigation', 'scripting'],
    // block mode redirects catalogued hosts (DNR redirects need host access); extraRules hosts are granted at run time
    host_permissions: contentScriptMatches(),
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    storage: { managed_schema: 'managed_schema.json' },
    // Only the guide, which block mode redirects the catalogue's pages to, and only for those pages: any
    // other site probing for it sees nothing. Chromium also hides it behind a per-session random id
    // (use_dynamic_url); Firefox's moz-extension:// id is random per profile already.
    web_accessible_resources: [
      { resources: [GUIDE_FILE], matches: catalogueOrigins(), ...(browser === 'firefox' ? {} : { use_dynamic_url: true }) },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: FIREFOX_EXTENSION_ID,
              // data_collection_permissions needs Firefox 140 (ESR 140 and 153 are the supported ESRs;
              // ESR 128 is out of support): docs/deploy.md, «Firefox ESR».
              strict_min_version: '140.0',
              // Firefox's consent taxonomy: daily counts of visits to the listed messenger sites are
              // browsing activity, though no address or person is ever in them (docs/privacy.md).
              data_collection_permissions: { required: ['browsingActivity'] },
            },
            // not a target (school computers are desktops), but the key needs 142 there
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { key: CHROME_KEY }),
  }),
});
