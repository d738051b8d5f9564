export { CATALOGUE, type MessengerEntry, type SurfaceRule } from './catalogue';
export { CATALOGUE_SOURCES, type CatalogueSource } from './sources';
export { classifyUrl, pathMatches, BUILT_IN_RULES, type Classification, type MessengerRule } from './classify';
export { catalogueOrigins, contentScriptMatches, matchPattern, matchPatterns } from './match-patterns';
export { messengerName } from './messenger-name';
