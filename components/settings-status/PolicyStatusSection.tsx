import { useEffect, useState } from 'preact/hooks';
import type { UiLocale } from '../../i18n';
import { loadSettings, watchSettings, type SettingsProblem } from '../../settings';
import { SettingsStatus } from './SettingsStatus';

/** Popup section: the problems of the policy and options, live; nothing when all is well. */
export function PolicyStatusSection({ locale }: { locale: UiLocale }) {
  const [problems, setProblems] = useState<SettingsProblem[]>([]);
  useEffect(() => {
    void loadSettings().then((effective) => setProblems(effective.problems));
    return watchSettings((effective) => setProblems(effective.problems));
  }, []);
  return <SettingsStatus problems={problems} locale={locale} />;
}
