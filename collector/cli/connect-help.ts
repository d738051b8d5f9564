import { DEV_EXTENSION_ID } from '../../deploy/extension-id';
import { isoWeekOf, weekRange } from '../server/dashboard/iso-week';

/** The computer's own calendar day, as the extension counts it. */
function localDay(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * What to do next, printed when `serve` is listening: where an extension puts the endpoint and the
 * token (its options page for one browser, the managed policy for school computers), and in which
 * dashboard week its first counts show up.
 */
export function connectionHelp(url: string, token: string | undefined, now = new Date()): string[] {
  const today = localDay(now);
  const range = weekRange(isoWeekOf(today)!)!;
  return [
    '',
    'Connect an extension to this collector:',
    '  one browser, to try it: the extension\'s options page (Chromium: chrome://extensions → Подсказка → «Сведения» →',
    `  «Параметры расширения», or chrome-extension://${DEV_EXTENSION_ID}/options.html; Firefox: about:addons → Подсказка → «Настройки»):`,
    `    «Адрес сервера отчётов»  ${url}/api/v1/reports`,
    `    «Ключ доступа»           ${token ?? 'a token from: npx podskazka-collector token add DISTRICT'}`,
    '  school computers: the same two values as policy (reportEndpoint, reportToken), with the server\'s https address:',
    '    npx podskazka-collector policy DISTRICT --endpoint https://collector.your-district.example   (docs/deploy.md, docs/policy.md)',
    `Today's counts (${today}) appear on the dashboard in week ${range.week} (${range.from} – ${range.to}) once the extension reports:`,
    '  on its own within about 6 hours (reportIntervalMinutes, with jitter), or at once with «Отправить сейчас» in its popup.',
    '',
    'Stop the collector with Ctrl-C.',
  ];
}
