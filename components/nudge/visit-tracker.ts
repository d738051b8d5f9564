import type { Classification } from '../../rules';

/**
 * Decides which classifications of a page's URL are new visits: each messenger surface counts
 * once per page load, so in-app route changes (Discord, Teams) never re-count, while a route to
 * another surface (discord.com/channels → discord.com/invite/…) counts once.
 */
export function createVisitTracker() {
  const seen = new Set<string>();
  return {
    isNewVisit(classification: Classification | null): classification is Classification {
      if (!classification) return false;
      const key = `${classification.messenger}|${classification.surface}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    },
  };
}
