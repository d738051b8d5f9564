export { CATALOGUE, type MessengerEntry, type SurfaceRule } from './catalogue';
export { classifyUrl, BUILT_IN_RULES, type Classification, type MessengerRule } from './classify';
export { contentScriptMatches, matchPattern } from './match-patterns';
