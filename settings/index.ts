/** Every part of the extension reads its settings through here: managed > local options > defaults. */
export { resolveSettings, type EffectiveSettings, type SettingsProblem, type SettingsSource } from './resolve';
export { loadSettings, readManaged, readOptions, saveOptions, OPTIONS_KEY } from './storage';
export { watchSettings } from './watch';
export { describeProblem } from './problem-text';
export { activeRules, classifyActive } from './active-rules';
/** The `locale` setting to a UI language, and texts from _locales in that language (shared with i18n/). */
export { resolveLocale as uiLanguage, translate as uiText, type UiLocale as UiLanguage } from '../i18n';
