/** Every part of the extension reads its settings through here: managed > local options > defaults. */
export { resolveSettings, type EffectiveSettings, type SettingsProblem, type SettingsSource } from './resolve';
export { loadSettings, readManaged, readOptions, saveOptions, OPTIONS_KEY } from './storage';
export { watchSettings } from './watch';
export { describeProblem } from './problem-text';
export { activeRules, classifyActive } from './active-rules';
export { LAST_POLICY_KEY, rememberPolicy, startupSettings } from './startup';
