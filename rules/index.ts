export { CATALOGUE, type MessengerEntry, type SurfaceRule } from './catalogue';
export { classifyUrl, pathMatches, BUILT_IN_RULES, type Classification, type MessengerRule } from './classify';
export { contentScriptMatches, matchPattern, matchPatterns } from './match-patterns';
