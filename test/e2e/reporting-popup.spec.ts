import { expect, test } from '@playwright/test';
import { serveFixturePages } from './fixtures/serve';
import { EXTENSION_ID, extensionWorker, launchChromium } from './support/chromium';
import { configureReporting, visitPages } from './support/reporting';
import { TestCollector } from './support/test-collector';

/** The popup's «Что отправляется»: the exact next batch, «Отправить сейчас» against a real endpoint, errors in words. */
test('the popup shows the exact batch, sends it at once, and explains a refusal', async () => {
  const collector = await new TestCollector().start();
  const browser = await launchChromium();
  try {
    const { context } = browser;
    const worker = await extensionWorker(context);
    await serveFixturePages(context);
    // The real schedule (6 hours): nothing is sent unless the button is pressed.
    await configureReporting(worker, { endpoint: collector.endpoint, orgId: 'school-0547', locale: 'ru' });
    await visitPages(context, ['https://web.telegram.org/k/', 'https://web.whatsapp.com/']);

    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
    const panel = popup.getByTestId('reporting-panel');
    await expect(panel.getByRole('heading', { name: 'Что отправляется' })).toBeVisible();
    await expect(panel).toContainText(`Куда: ${collector.endpoint}`);
    await expect(panel.getByTestId('reporting-last-success')).toHaveText('Успешных отправок ещё не было.');
    const json = panel.getByTestId('reporting-json');
    await expect(json).toContainText('"messenger": "whatsapp"');
    const shown = JSON.parse((await json.textContent()) ?? '') as { batchId: string; orgId: string };
    expect(shown.orgId).toBe('school-0547');
    expect(collector.posts).toEqual([]);

    await panel.getByRole('button', { name: 'Отправить сейчас' }).click();
    await expect(panel.getByTestId('reporting-result')).toHaveText('Отправлено, сервер принял.');
    expect(collector.posts).toHaveLength(1);
    expect(JSON.parse(collector.posts[0]!.body)).toEqual(shown);
    await expect(panel.getByTestId('reporting-last-success')).toContainText('Последняя успешная отправка:');
    await expect(panel.getByTestId('reporting-nothing')).toHaveText('Сейчас отправлять нечего.');

    collector.answerNext({ kind: 'status', status: 401 });
    await visitPages(context, ['https://discord.com/channels/1/2']);
    await expect(json).toContainText('"messenger": "discord"');
    await panel.getByRole('button', { name: 'Отправить сейчас' }).click();
    await expect(panel.getByTestId('reporting-result')).toHaveText('Сервер отказался принять пакет, он удалён. Причина — ниже.');
    await expect(panel.getByTestId('reporting-last-error')).toContainText('сервер не узнал ключ доступа (ошибка 401). Этот пакет удалён.');
  } finally {
    await browser.close();
    await collector.stop();
  }
});
