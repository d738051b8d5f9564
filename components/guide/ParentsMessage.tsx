import { useState } from 'preact/hooks';
import type { Translate, UiLocale } from '../../i18n';
import { InvitationSheet } from './InvitationSheet';
import { chatLink, inAWeek, parentsMessage } from './parents-message';

/**
 * The teacher types the class, pastes the new chat's link and picks the day; the message for the
 * old chat and the printable invitation follow. Kept in memory only: nothing is stored or sent.
 */
export function ParentsMessage({ t, locale }: { t: Translate; locale: UiLocale }) {
  const [className, setClassName] = useState('');
  const [link, setLink] = useState('');
  const [date, setDate] = useState(inAWeek());
  const [copied, setCopied] = useState<string>('');
  const message = parentsMessage(locale, { className, link, date });
  const linkInvalid = link.trim() !== '' && chatLink(link) === null;

  const copy = async () => {
    if (!message) return;
    try {
      await navigator.clipboard.writeText(message);
      setCopied(t('guide_message_copied'));
    } catch {
      setCopied(t('guide_message_copyFailed'));
    }
  };
  const printSheet = () => {
    document.body.classList.add('printing-sheet');
    addEventListener('afterprint', () => document.body.classList.remove('printing-sheet'), { once: true });
    print();
  };

  return (
    <div class="parents-message">
      <p>{t('guide_message_intro')}</p>
      <div class="fields">
        <label>
          {t('guide_message_class')}
          <input name="class" value={className} maxLength={20} placeholder="5 Б" onInput={(event) => setClassName(event.currentTarget.value)} />
        </label>
        <label class="wide">
          {t('guide_message_link')}
          <input name="link" type="url" value={link} maxLength={500} inputMode="url" aria-describedby="link-hint" aria-invalid={linkInvalid} onInput={(event) => setLink(event.currentTarget.value)} />
          <span id="link-hint" class="hint">{linkInvalid ? t('guide_message_linkInvalid') : t('guide_message_linkHint')}</span>
        </label>
        <label>
          {t('guide_message_date')}
          <input name="date" type="date" value={date} onInput={(event) => setDate(event.currentTarget.value)} />
        </label>
      </div>
      <label class="message-text">
        {t('guide_message_text')}
        <textarea readOnly rows={9} value={message ?? t('guide_message_bodyNoLink')} />
      </label>
      <p class="buttons">
        <button type="button" class="primary" disabled={!message} onClick={() => void copy()}>
          {t('guide_message_copy')}
        </button>
        <button type="button" disabled={!message} onClick={printSheet}>
          {t('guide_message_print')}
        </button>
        <span role="status">{copied}</span>
      </p>
      {message && <InvitationSheet t={t} className={className.trim()} link={chatLink(link)!} message={message} />}
    </div>
  );
}
