import { z } from 'zod';
import { translate, type UiLocale } from '../../i18n';
import { MessengerId } from '../../protocol/messengers';
import { CATALOGUE } from '../../rules';

const Reason = z.enum(['blocked', 'unreachable']);

/** Why the guide replaced a page, from the guide's own address (set by the background); null if not. */
export function guideReason(search: string): { messenger: MessengerId; reason: z.infer<typeof Reason> } | null {
  const params = new URLSearchParams(search);
  const messenger = MessengerId.safeParse(params.get('messenger'));
  const reason = Reason.safeParse(params.get('reason'));
  return messenger.success && reason.success ? { messenger: messenger.data, reason: reason.data } : null;
}

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
  const name = CATALOGUE.find((entry) => entry.id === found.messenger)?.name ?? found.messenger;
  return (
    <aside role="note" class="guide-reason" style={box} lang={locale}>
      <p style={{ margin: 0, fontWeight: 600 }}>{translate(locale, found.reason === 'blocked' ? 'guideNotice_blocked' : 'guideNotice_unreachable', [name])}</p>
      {message && <p style={{ margin: '8px 0 0', whiteSpace: 'pre-line' }}>{message}</p>}
    </aside>
  );
}
