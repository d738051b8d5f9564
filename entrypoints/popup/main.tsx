import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { readTally, type Tally } from '../../background/count-store';
import { readVisitTally, type VisitTally } from '../../background/visit-store';
import { Popup } from '../../components/popup/Popup';
import { resolveLocale, translate, type LocaleSetting } from '../../i18n';
import { extensionUrl } from '../../messages/extension-url';
import { GUIDE_PATH } from '../../messages/guide-address';
import { loadSettings } from '../../settings';

function App() {
  const [today, setToday] = useState<Tally[string] | undefined>(undefined);
  const [visits, setVisits] = useState<VisitTally[string] | undefined>(undefined);
  useEffect(() => {
    void readTally().then(setToday);
    void readVisitTally().then(setVisits);
  }, []);
  const [localeSetting, setLocaleSetting] = useState<LocaleSetting>('auto');
  useEffect(() => {
    void loadSettings().then(({ settings }) => setLocaleSetting(settings.locale));
  }, []);
  const locale = resolveLocale(localeSetting);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = translate(locale, 'popup_title');
  }, [locale]);
  return <Popup locale={locale} today={today} visits={visits} onOpenGuide={() => void browser.tabs.create({ url: extensionUrl(GUIDE_PATH) }).then(() => window.close())} />;
}

render(<App />, document.getElementById('app')!);
