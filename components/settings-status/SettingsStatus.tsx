import type { UiLocale } from '../../i18n';
import { translate } from '../../i18n';
import { describeProblem, type SettingsProblem } from '../../settings';

export interface SettingsStatusProps {
  problems: readonly SettingsProblem[];
  locale: UiLocale;
}

/** Lists what was wrong in the policy or options, in plain words; nothing when all is well. */
export function SettingsStatus({ problems, locale }: SettingsStatusProps) {
  if (problems.length === 0) return null;
  return (
    <section class="settings-status" role="status" aria-label={translate(locale, 'settings_statusTitle')}>
      <h2>{translate(locale, 'settings_statusTitle')}</h2>
      <ul>
        {problems.map((problem, index) => (
          <li key={index}>{describeProblem(problem, locale)}</li>
        ))}
      </ul>
    </section>
  );
}
