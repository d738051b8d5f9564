import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { readTally, type Tally } from '../../background/count-store';
import { Popup } from '../../components/popup/Popup';
import { resolveLocale } from '../../i18n';

function App() {
  const [today, setToday] = useState<Tally[string] | undefined>(undefined);
  useEffect(() => {
    void readTally().then(setToday);
  }, []);
  const locale = resolveLocale('auto');
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return <Popup locale={locale} today={today} onOpenGuide={() => void browser.tabs.create({ url: browser.runtime.getURL('/guide.html') }).then(() => window.close())} />;
}

render(<App />, document.getElementById('app')!);
