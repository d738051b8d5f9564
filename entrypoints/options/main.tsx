import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { extraRuleOrigins } from '../../background/extra-content-scripts';
import { OptionsForm } from '../../components/options/OptionsForm';
import { resolveLocale } from '../../i18n';
import { loadSettings, saveOptions, watchSettings, type EffectiveSettings } from '../../settings';

function App() {
  const [effective, setEffective] = useState<EffectiveSettings | undefined>(undefined);
  useEffect(() => {
    void loadSettings().then(setEffective);
    return watchSettings(setEffective);
  }, []);
  if (!effective) return null;
  const locale = resolveLocale(effective.settings.locale);
  document.documentElement.lang = locale;
  return (
    <OptionsForm
      effective={effective}
      locale={locale}
      onSave={saveOptions}
      onGrantHosts={(rules) => browser.permissions.request({ origins: extraRuleOrigins(rules) })}
    />
  );
}

render(<App />, document.getElementById('app')!);
