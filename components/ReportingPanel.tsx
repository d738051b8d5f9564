import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ReportingStatus, type ReportingRequest } from '../background/reporting/messages';
import type { LastError } from '../background/reporting/state';
import { translate, type UiLocale } from '../i18n';

export type AskBackground = (request: ReportingRequest) => Promise<unknown>;

const askBackground: AskBackground = (request) => browser.runtime.sendMessage(request);
const REFRESH_MS = 2_000;

function when(language: UiLocale, time: number): string {
  return new Date(time).toLocaleString(language === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });
}

function errorText(language: UiLocale, error: LastError): string {
  const what = translate(language, `reporting_error_${error.code}`, [String(error.status ?? '')]);
  return translate(language, 'reporting_last_error', [when(language, error.at), what]);
}

/**
 * «Что отправляется»: the exact JSON of the next batch, the last successful send, the last error
 * in plain words, and «Отправить сейчас» for IT staff checking a new deployment.
 */
export function ReportingPanel({ locale, ask = askBackground }: { locale?: UiLocale; ask?: AskBackground }) {
  const [status, setStatus] = useState<ReportingStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const load = useCallback(async (request: ReportingRequest) => {
    try {
      const parsed = ReportingStatus.safeParse(await ask(request));
      setFailed(!parsed.success);
      if (parsed.success) setStatus((previous) => (request.type === 'reporting_status' && previous?.result ? { ...parsed.data, result: previous.result } : parsed.data));
    } catch {
      setFailed(true);
    }
  }, [ask]);

  useEffect(() => {
    void load({ type: 'reporting_status' });
    const timer = setInterval(() => void load({ type: 'reporting_status' }), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  const language: UiLocale = locale ?? status?.language ?? 'ru';
  const t = (key: string, substitutions?: readonly string[]) => translate(language, key, substitutions);

  async function sendNow() {
    setBusy(true);
    await load({ type: 'reporting_send_now' });
    setBusy(false);
  }

  if (!status) return <section class="reporting"><h2>{t('reporting_title')}</h2><p>{t(failed ? 'reporting_unavailable' : 'reporting_loading')}</p></section>;
  return (
    <section class="reporting" aria-labelledby="reporting-title" data-testid="reporting-panel">
      <h2 id="reporting-title">{t('reporting_title')}</h2>
      <p>{status.endpoint ? t('reporting_endpoint', [status.endpoint]) : t('reporting_off')}</p>
      <p>{t('reporting_what')}</p>
      {status.nextBatch ? (
        <>
          <p>{t(!status.endpoint ? 'reporting_next_unsent' : status.nextBatch.fixed ? 'reporting_next_fixed' : 'reporting_next_preview')}</p>
          <details>
            <summary>{t('reporting_show_exact')}</summary>
            <pre data-testid="reporting-json" tabIndex={0}>{status.nextBatch.json}</pre>
          </details>
        </>
      ) : (
        <p data-testid="reporting-nothing">{t('reporting_nothing')}</p>
      )}
      {status.laterRows > 0 && <p>{t('reporting_later', [String(status.laterRows)])}</p>}
      {status.discardedRows > 0 && <p data-testid="reporting-discarded">{t('reporting_discarded', [String(status.discardedRows)])}</p>}
      {status.v1Only && <p data-testid="reporting-v1-only">{t('reporting_v1_only')}</p>}
      <p data-testid="reporting-last-success">
        {status.lastSuccessAt === null ? t('reporting_never_sent') : t('reporting_last_success', [when(language, status.lastSuccessAt)])}
      </p>
      {status.lastError && <p data-testid="reporting-last-error" role="status">{errorText(language, status.lastError)}</p>}
      {status.endpoint && status.nextAttemptAt !== null && <p>{t('reporting_next_attempt', [when(language, status.nextAttemptAt)])}</p>}
      <button type="button" onClick={() => void sendNow()} disabled={busy || !status.endpoint}>
        {t('reporting_send_now')}
      </button>
      {busy && <p role="status">{t('reporting_sending')}</p>}
      {!busy && status.result && <p role="status" data-testid="reporting-result">{t(`reporting_result_${status.result}`)}</p>}
    </section>
  );
}
