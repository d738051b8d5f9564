import type { ComponentChildren } from 'preact';
import { SFERUM, type Alternative } from '../../protocol/policy';
import { translator, type UiLocale } from '../../i18n';
import { MESSENGER_IDS } from '../../protocol/messengers';
import { ParentsMessage } from './ParentsMessage';
import { serviceStatusText } from './service-status';

export interface GuidePageProps {
  locale: UiLocale;
  /** Where "which chats to move" points; the district's alternative when policy sets one. */
  alternative?: Alternative;
  /** Link to the same page in the other language. */
  otherLanguageHref: string;
}

const SFERUM_SITE = 'https://sferum.ru';
const TEACHER_BLOG = 'https://prof-sferum.ru/blog';
const MAX_WEB = 'https://web.max.ru';
const SUPPORT_MAIL = 'mailto:info@sferum.ru';

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/**
 * The full guide, in the order a teacher moving a chat today needs it: what to do (with the
 * exemption for personal chats right there), the steps, the message for parents, the old chat,
 * parents without VK ID or MAX, help; the law last, for whoever asks why.
 */
export function GuidePage({ locale, alternative = SFERUM, otherLanguageHref }: GuidePageProps) {
  const t = translator(locale);
  const list = (keys: string[]) => (
    <ul>
      {keys.map((key) => (
        <li key={key}>{t(key)}</li>
      ))}
    </ul>
  );
  return (
    <main lang={locale}>
      <nav class="language">
        <a href={otherLanguageHref} lang={locale === 'ru' ? 'en' : 'ru'}>
          {t('guide_otherLanguage')}
        </a>
        <button type="button" onClick={() => print()}>
          {t('guide_print')}
        </button>
      </nav>
      <h1>{t('guide_title')}</h1>
      <p class="lead">{t('guide_lead')}</p>
      <aside class="personal" aria-labelledby="personal">
        <h2 id="personal">{t('guide_personal_title')}</h2>
        <p>{t('guide_personal_text')}</p>
      </aside>

      <Section id="steps" title={t('guide_steps_title')}>
        <ol class="steps">
          {['guide_step_profile', 'guide_step_teacher', 'guide_step_chat', 'guide_step_invite', 'guide_step_announce'].map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ol>
        <p class="links">
          <a href={SFERUM_SITE} target="_blank" rel="noopener noreferrer">
            sferum.ru
          </a>
          <a href={MAX_WEB} target="_blank" rel="noopener noreferrer">
            web.max.ru
          </a>
        </p>
        <p>
          {t('guide_step_which')}{' '}
          <a href={alternative.instructionsUrl} target="_blank" rel="noopener noreferrer">
            {new URL(alternative.instructionsUrl).host}
          </a>
        </p>
      </Section>

      <Section id="message" title={t('guide_message_title')}>
        <ParentsMessage t={t} locale={locale} />
      </Section>

      <Section id="old-chat" title={t('guide_old_title')}>
        {list(['guide_old_pin', 'guide_old_rename', 'guide_old_wait', 'guide_old_close'])}
      </Section>

      <Section id="no-vk-id" title={t('guide_parents_title')}>
        {list(['guide_parents_phone', 'guide_parents_computer', 'guide_parents_meeting', 'guide_parents_fallback'])}
      </Section>

      <Section id="help" title={t('guide_help_title')}>
        <ul>
          <li>{t('guide_help_admin')}</li>
          <li>
            {t('guide_help_site')}{' '}
            <a href={SFERUM_SITE} target="_blank" rel="noopener noreferrer">
              sferum.ru
            </a>
            {' · '}
            <a href={TEACHER_BLOG} target="_blank" rel="noopener noreferrer">
              prof-sferum.ru/blog
            </a>
          </li>
          <li>
            <a href={SUPPORT_MAIL}>{t('guide_help_support')}</a>
          </li>
        </ul>
      </Section>

      <Section id="rule" title={t('guide_rule_title')}>
        <p>{t('guide_rule_law')}</p>
        <p>{t('guide_rule_list')}</p>
        <h3>{t('guide_status_title')}</h3>
        <p>{t('guide_status_intro')}</p>
        <ul data-testid="service-statuses">
          {MESSENGER_IDS.map((id) => (
            <li key={id}>{serviceStatusText(locale, id)}</li>
          ))}
        </ul>
        <h3>{t('guide_why_title')}</h3>
        {list(['guide_why_free', 'guide_why_closed', 'guide_why_noAds', 'guide_why_noVk', 'guide_why_registry'])}
      </Section>

      <footer>
        <p class="sources">{t('guide_sources')}</p>
      </footer>
    </main>
  );
}
