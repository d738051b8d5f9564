import { useState } from 'preact/hooks';
import type { Translate } from '../../i18n';
import { checkConnection, type CheckResult, type CheckTarget } from './connection-check';

/** The words for a result; the collector's district and school names come quoted in «ёлочки». */
export function checkResultText(result: CheckResult, orgId: string, t: Translate): string {
  switch (result.kind) {
    case 'ok': {
      const { district, school, orgId: storedUnder } = result.answer;
      if (storedUnder === '') return t('check_ok_noOrgId', [district]);
      if (school === null) return t('check_ok_unlisted', [district, storedUnder]);
      return t('check_ok', [district, school, storedUnder]);
    }
    case 'forbidden':
      return t('check_forbidden', [orgId]);
    case 'busy':
      return t('check_busy', [String(result.seconds)]);
    case 'server':
    case 'unexpected':
      return t(`check_${result.kind}`, [String(result.status)]);
    default:
      return t(`check_${result.kind}`);
  }
}

/** «Проверить соединение»: checks the values in the form, saved or not. */
export function ConnectionCheck({ target, t }: { target: CheckTarget; t: Translate }) {
  const [state, setState] = useState<{ checking: boolean; result?: CheckResult; orgId?: string }>({ checking: false });
  const run = async () => {
    setState({ checking: true });
    setState({ checking: false, result: await checkConnection(target), orgId: target.orgId });
  };
  const ok = state.result?.kind === 'ok';
  return (
    <div class="connection-check">
      <button type="button" class="check" disabled={state.checking} onClick={() => void run()}>
        {t('check_button')}
      </button>
      <p class="hint">{t('check_hint')}</p>
      <p class={`check-result ${ok ? 'good' : 'bad'}`} role="status" data-testid="connection-check-result">
        {state.checking ? t('check_running') : state.result ? checkResultText(state.result, state.orgId ?? '', t) : ''}
      </p>
    </div>
  );
}
