import { MESSENGER_IDS, SURFACES } from '../../protocol/messengers';
import type { ExtraRule } from '../../protocol/policy';
import type { Translate } from '../../i18n';
import { messengerName } from '../../rules';

export interface ExtraRulesEditorProps {
  rules: ExtraRule[];
  disabled: boolean;
  t: Translate;
  onChange: (rules: ExtraRule[]) => void;
}


/** One row per district-added address: messenger, host, optional path, what it is. */
export function ExtraRulesEditor({ rules, disabled, t, onChange }: ExtraRulesEditorProps) {
  const update = (index: number, change: Partial<ExtraRule>) => onChange(rules.map((rule, at) => (at === index ? { ...rule, ...change } : rule)));
  return (
    <div class="rules">
      {rules.map((rule, index) => (
        <div class="rule-row" key={index}>
          <select aria-label={t('options_ruleMessenger')} disabled={disabled} value={rule.messenger} onChange={(event) => update(index, { messenger: event.currentTarget.value as ExtraRule['messenger'] })}>
            {MESSENGER_IDS.map((id) => (
              <option value={id}>{messengerName(id)}</option>
            ))}
          </select>
          <input aria-label={t('options_ruleHost')} placeholder="chat.example.ru" disabled={disabled} value={rule.host} onInput={(event) => update(index, { host: event.currentTarget.value.trim().toLowerCase() })} />
          <input aria-label={t('options_rulePath')} placeholder="/web" disabled={disabled} value={rule.pathPrefix ?? ''} onInput={(event) => update(index, { pathPrefix: event.currentTarget.value.trim() || undefined })} />
          <select aria-label={t('options_ruleSurface')} disabled={disabled} value={rule.surface} onChange={(event) => update(index, { surface: event.currentTarget.value as ExtraRule['surface'] })}>
            {SURFACES.map((surface) => (
              <option value={surface}>{t(`options_ruleSurface_${surface}`)}</option>
            ))}
          </select>
          <button type="button" disabled={disabled} onClick={() => onChange(rules.filter((_, at) => at !== index))}>
            {t('options_ruleRemove')}
          </button>
        </div>
      ))}
      <button type="button" disabled={disabled} onClick={() => onChange([...rules, { messenger: 'telegram', host: '', surface: 'client' }])}>
        {t('options_ruleAdd')}
      </button>
    </div>
  );
}
