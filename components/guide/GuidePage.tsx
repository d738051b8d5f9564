import type { ComponentChildren } from 'preact';
import { SFERUM, type Alternative } from '../../protocol/policy';
import { translator, type UiLocale } from '../../i18n';

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

/** The full guide: the rule, the exemption, why Sferum, where it lives, step by step, help. */
export function GuidePage({ locale, alternative = SFERUM, otherLanguageHref }: GuidePageProps) {
  const t = translator(locale);
  return (
    <main lang={locale}>
      <nav class="language">
        <a href={otherLanguageHref} lang={locale === 'ru' ? 'en' : 'ru'}>
          {t('guide_otherLanguage')}
        </a>
      </nav>
      <h1>{t('guide_title')}</h1>
      <p class="lead">{t('guide_lead')}</p>

      <Section id="rule" title={t('guide_rule_title')}>
        <p>{t('guide_rule_law')}</p>
        <p>{t('guide_rule_list')}</p>
      </Section>

      <Section id="personal" title={t('guide_personal_title')}>
        <p>{t('guide_personal_text')}</p>
      </Section>

      <Section id="why" title={t('guide_why_title')}>
        <ul>
          {['guide_why_free', 'guide_why_closed', 'guide_why_noAds', 'guide_why_noVk', 'guide_why_registry'].map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      </Section>

      <Section id="where" title={t('guide_where_title')}>
        <p>{t('guide_where_text')}</p>
        <p class="links">
          <a href={SFERUM_SITE} target="_blank" rel="noopener noreferrer">
            sferum.ru
          </a>
          <a href={MAX_WEB} target="_blank" rel="noopener noreferrer">
            web.max.ru
          </a>
        </p>
      </Section>

      <Section id="steps" title={t('guide_steps_title')}>
        <ol class="steps">
          {['guide_step_profile', 'guide_step_teacher', 'guide_step_chat', 'guide_step_invite', 'guide_step_announce'].map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ol>
        <p>
          {t('guide_step_which')}{' '}
          <a href={alternative.instructionsUrl} target="_blank" rel="noopener noreferrer">
            {new URL(alternative.instructionsUrl).host}
          </a>
        </p>
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

      <footer>
        <p class="sources">{t('guide_sources')}</p>
      </footer>
    </main>
  );
}
