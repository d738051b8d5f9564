import { translate, type UiLocale } from '../../i18n';
import { guideReason } from '../../messages/guide-address';
import { messengerName } from '../../rules';

export interface GuideReasonNoticeProps {
  locale: UiLocale;
  search: string;
  /** The district's own words (plain text), shown under the reason. */
  message?: string;
}

const box = { maxWidth: '46em', margin: '16px auto 0', padding: '12px 20px', boxSizing: 'border-box', background: '#fff4e0', borderLeft: '4px solid #c77700' } as const;

/** Above the guide: «Администратор закрыл Telegram…» or «Telegram не открылся…», and the district's message. */
export function GuideReasonNotice({ locale, search, message }: GuideReasonNoticeProps) {
  const found = guideReason(search);
  if (!found) return null;
  const name = messengerName(found.messenger);
  return (
    <aside role="note" class="guide-reason" style={box} lang={locale}>
      <p style={{ margin: 0, fontWeight: 600 }}>{translate(locale, found.reason === 'blocked' ? 'guideNotice_blocked' : 'guideNotice_unreachable', [name])}</p>
      {message && <p style={{ margin: '8px 0 0', whiteSpace: 'pre-line' }}>{message}</p>}
    </aside>
  );
}
