import { describe, expect, it } from 'vitest';
import { draftFrom, optionsFromDraft } from '../../../../components/options/options-draft';
import { describeProblem } from '../../../../settings';
import { DEFAULT_POLICY } from '../../../../protocol/policy';

describe('options from the form', () => {
  it('saves typed numbers as numbers, leaves out empty texts and the keys the policy sets', () => {
    const draft = { ...draftFrom(DEFAULT_POLICY), mode: 'confirm' as const, snoozeMinutes: ' 15 ', message: { ru: 'Пишите в Сферум', en: '' } };
    expect(optionsFromDraft(draft, ['reportEndpoint', 'reportToken'])).toEqual({
      options: expect.objectContaining({ mode: 'confirm', snoozeMinutes: 15, message: { ru: 'Пишите в Сферум' } }),
    });
    const result = optionsFromDraft(draft, ['mode']);
    expect('options' in result && 'mode' in result.options).toBe(false);
  });

  it('refuses to save anything when one value is wrong, and says which', () => {
    const draft = { ...draftFrom(DEFAULT_POLICY), snoozeMinutes: 'час', extraRules: [{ messenger: 'telegram' as const, host: 'tg example', surface: 'client' as const }] };
    const result = optionsFromDraft(draft, []);
    expect('problems' in result).toBe(true);
    if (!('problems' in result)) return;
    expect(result.problems.map((problem) => describeProblem(problem, 'ru').replaceAll('\u00a0', ' '))).toEqual([
      'Настройки: правило extraRules[0] {"messenger":"telegram","host":"tg example","surface":"client"} недопустимо и пропущено, остальные правила работают',
      'Настройки: значение "час" для snoozeMinutes недопустимо, используется 60',
    ]);
  });
});
