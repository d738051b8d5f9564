import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
// Trusted and untrusted clicks, Esc and focus need a real browser: test/e2e/nudge.spec.ts.
import { Banner, type BannerProps } from '../../../../components/nudge/Banner';
import { SFERUM } from '../../../../protocol/policy';

const texts = {
  label: 'Подсказка о школьных чатах',
  rule: 'Telegram — иностранный мессенджер: по закону школьные чаты в нём вести нельзя. Личная переписка — можно.',
  openAlternative: 'Открыть Сферум',
  howToMove: 'Как перенести чат класса',
  personalUse: 'Это личная переписка',
  parentsMessage: 'Текст для родителей',
  collapse: 'Свернуть подсказку',
  reopen: 'Подсказка',
  close: 'Закрыть подсказку',
};

let root: HTMLElement;
const globals = globalThis as unknown as { document?: Document };
const saved = globals.document;

beforeEach(() => {
  const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  globals.document = document;
  root = document.getElementById('root') as unknown as HTMLElement;
});
afterEach(() => {
  render(null, root);
  globals.document = saved;
});

/** Renders the banner and lets it fill its live region (its second render). */
async function show(overrides: Partial<BannerProps> = {}) {
  const handlers = { onAlternative: vi.fn(), onHowToMove: vi.fn(), onParentsMessage: vi.fn(), onPersonalUse: vi.fn(), onClose: vi.fn(), onDone: vi.fn() };
  render(<Banner texts={texts} locale="ru" alternative={SFERUM} {...handlers} {...overrides} />, root);
  await vi.waitFor(() => expect(root.querySelector('.rule')).not.toBeNull());
  return handlers;
}

describe('the banner', () => {
  it('is a labelled region whose rule a screen reader announces, a link to the alternative in a new tab and the buttons', async () => {
    await show();
    const region = root.querySelector('[role="region"]')!;
    expect(region.getAttribute('aria-label')).toBe(texts.label);
    expect(region.getAttribute('lang')).toBe('ru');
    expect(region.querySelector('[aria-live="polite"] p')!.textContent).toBe(texts.rule);
    const link = region.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://sferum.ru');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
    const buttons = [...region.querySelectorAll('button')];
    expect(buttons.map((button) => button.getAttribute('aria-label') ?? button.textContent)).toEqual([texts.howToMove, texts.parentsMessage, texts.personalUse, texts.collapse, texts.close]);
    expect(buttons.every((button) => button.getAttribute('type') === 'button')).toBe(true);
  });

  it("shows a district's own words instead of the built-in rule", async () => {
    await show({ message: 'В нашем районе школьные чаты — только в Сферуме.' });
    expect(root.querySelector('p')!.textContent).toBe('В нашем районе школьные чаты — только в Сферуме.');
  });
});
