import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { translator, type UiLocale } from '../../i18n';
import { MESSENGER_IDS } from '../../protocol/messengers';
import { Mode, type Policy, type PolicyKey } from '../../protocol/policy';
import { messengerName } from '../../rules';
import { describeProblem, type EffectiveSettings, type SettingsProblem } from '../../settings';
import { SettingsStatus } from '../settings-status/SettingsStatus';
import { ConnectionCheck } from './ConnectionCheck';
import { ExtraRulesEditor } from './ExtraRulesEditor';
import { draftFrom, optionsFromDraft, type OptionsDraft } from './options-draft';

export interface OptionsFormProps {
  effective: EffectiveSettings;
  locale: UiLocale;
  onSave: (options: Partial<Policy>) => Promise<void>;
  /** Asks for host access to the district's extra addresses (needs the click that calls it). */
  onGrantHosts: (rules: Policy['extraRules']) => Promise<boolean>;
}

interface FieldProps {
  name: PolicyKey;
  label: string;
  /** «задано администратором» when the policy sets this key, else undefined. */
  lockedText?: string;
  children: ComponentChildren;
}

/** A field's one input is named by the field's legend (a fieldset's legend alone names no input). */
const labelId = (name: PolicyKey) => `${name}-label`;

/** A top-level component, so typing never remounts the inputs inside it. */
function Field({ name, label, lockedText, children }: FieldProps) {
  return (
    <fieldset class="field" disabled={lockedText !== undefined} data-key={name}>
      <legend id={labelId(name)}>
        {label}
        {lockedText !== undefined && <span class="locked"> — {lockedText}</span>}
      </legend>
      {children}
    </fieldset>
  );
}

export function OptionsForm({ effective, locale, onSave, onGrantHosts }: OptionsFormProps) {
  const t = translator(locale);
  const [draft, setDraft] = useState<OptionsDraft>(() => draftFrom(effective.settings));
  const [errors, setErrors] = useState<SettingsProblem[]>([]);
  /** A _locales key, so the note follows a language change made by the save itself. */
  const [note, setNote] = useState('');
  const locked = (key: PolicyKey) => effective.lockedKeys.includes(key);
  const lockedText = (key: PolicyKey) => (locked(key) ? t('options_locked') : undefined);
  // A policy that changes while the page is open wins at once for the keys it sets.
  useEffect(() => {
    setDraft((current) => {
      const next: Record<string, unknown> = { ...current };
      const fresh = draftFrom(effective.settings);
      for (const key of effective.lockedKeys) next[key] = fresh[key];
      return next as OptionsDraft;
    });
  }, [effective]);
  const set = <K extends keyof OptionsDraft>(key: K, value: OptionsDraft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setNote('');
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const result = optionsFromDraft(draft, effective.lockedKeys);
    if ('problems' in result) {
      setErrors(result.problems);
      setNote('');
      return;
    }
    await onSave(result.options);
    setErrors([]);
    setNote('options_saved');
  };

  return (
    <form onSubmit={save} lang={locale}>
      <h1>{t('options_title')}</h1>
      <p>{t('options_intro')}</p>
      <SettingsStatus problems={effective.problems.filter((problem) => problem.source === 'managed')} locale={locale} />
      <Field name="mode" lockedText={lockedText("mode")} label={t('options_mode')}>
        {Mode.options.map((mode) => (
          <label class="choice">
            <input type="radio" name="mode" value={mode} checked={draft.mode === mode} onChange={() => set('mode', mode)} /> {t(`options_mode_${mode}`)}
          </label>
        ))}
      </Field>
      <Field name="messengers" lockedText={lockedText("messengers")} label={t('options_messengers')}>
        {MESSENGER_IDS.map((id) => (
          <label class="choice">
            <input
              type="checkbox"
              name="messengers"
              value={id}
              checked={draft.messengers.includes(id)}
              onChange={(event) => set('messengers', event.currentTarget.checked ? MESSENGER_IDS.filter((m) => m === id || draft.messengers.includes(m)) : draft.messengers.filter((m) => m !== id))}
            />{' '}
            {messengerName(id)}
          </label>
        ))}
      </Field>
      <Field name="snoozeMinutes" lockedText={lockedText("snoozeMinutes")} label={t('options_snoozeMinutes')}>
        <input name="snoozeMinutes" class="wide" aria-labelledby={labelId('snoozeMinutes')} inputMode="numeric" value={draft.snoozeMinutes} onInput={(event) => set('snoozeMinutes', event.currentTarget.value)} />
      </Field>
      <Field name="alternative" lockedText={lockedText("alternative")} label={t('options_alternative')}>
        {(['name', 'url', 'instructionsUrl'] as const).map((part) => (
          <label class="line">
            {t(part === 'name' ? 'options_alternativeName' : part === 'url' ? 'options_alternativeUrl' : 'options_alternativeInstructions')}
            <input name={`alternative.${part}`} value={draft.alternative[part]} onInput={(event) => set('alternative', { ...draft.alternative, [part]: event.currentTarget.value })} />
          </label>
        ))}
      </Field>
      <Field name="message" lockedText={lockedText("message")} label={t('options_message')}>
        {(['ru', 'en'] as const).map((language) => (
          <label class="line">
            {t(language === 'ru' ? 'options_messageRu' : 'options_messageEn')}
            <textarea name={`message.${language}`} maxLength={500} value={draft.message[language] ?? ''} onInput={(event) => set('message', { ...draft.message, [language]: event.currentTarget.value })} />
          </label>
        ))}
      </Field>
      <Field name="locale" lockedText={lockedText("locale")} label={t('options_locale')}>
        <select name="locale" aria-labelledby={labelId('locale')} value={draft.locale} onChange={(event) => set('locale', event.currentTarget.value as Policy['locale'])}>
          {(['auto', 'ru', 'en'] as const).map((value) => (
            <option value={value}>{t(`options_locale_${value}`)}</option>
          ))}
        </select>
      </Field>
      <Field name="extraRules" lockedText={lockedText("extraRules")} label={t('options_extraRules')}>
        <p class="hint">{t('options_extraRulesHint')}</p>
        <ExtraRulesEditor rules={draft.extraRules} disabled={locked('extraRules')} t={t} onChange={(rules) => set('extraRules', rules)} />
      </Field>
      {effective.settings.extraRules.length > 0 && (
        <button type="button" class="grant" onClick={() => void onGrantHosts(effective.settings.extraRules).then((granted) => granted && setNote('options_grantHostsDone'))}>
          {t('options_grantHosts')}
        </button>
      )}
      <h2>{t('options_reporting')}</h2>
      <Field name="reportEndpoint" lockedText={lockedText("reportEndpoint")} label={t('options_reportEndpoint')}>
        <input name="reportEndpoint" class="wide" aria-labelledby={labelId('reportEndpoint')} type="url" value={draft.reportEndpoint} onInput={(event) => set('reportEndpoint', event.currentTarget.value.trim())} />
      </Field>
      <Field name="reportToken" lockedText={lockedText("reportToken")} label={t('options_reportToken')}>
        <input name="reportToken" class="wide" aria-labelledby={labelId('reportToken')} type="password" autoComplete="off" value={draft.reportToken} onInput={(event) => set('reportToken', event.currentTarget.value.trim())} />
      </Field>
      <Field name="orgId" lockedText={lockedText("orgId")} label={t('options_orgId')}>
        <input name="orgId" class="wide" aria-labelledby={labelId('orgId')} value={draft.orgId} onInput={(event) => set('orgId', event.currentTarget.value.trim())} />
      </Field>
      <Field name="reportIntervalMinutes" lockedText={lockedText("reportIntervalMinutes")} label={t('options_reportIntervalMinutes')}>
        <input name="reportIntervalMinutes" class="wide" aria-labelledby={labelId('reportIntervalMinutes')} inputMode="numeric" value={draft.reportIntervalMinutes} onInput={(event) => set('reportIntervalMinutes', event.currentTarget.value)} />
      </Field>
      <ConnectionCheck target={{ endpoint: draft.reportEndpoint, token: draft.reportToken, orgId: draft.orgId }} t={t} />
      {errors.length > 0 && (
        <div class="errors" role="alert">
          <p>{t('options_invalid')}</p>
          <ul>
            {errors.map((problem) => (
              <li>{describeProblem(problem, locale)}</li>
            ))}
          </ul>
        </div>
      )}
      <button type="submit" class="save">
        {t('options_save')}
      </button>
      <p class="note" role="status">
        {note && t(note)}
      </p>
    </form>
  );
}
