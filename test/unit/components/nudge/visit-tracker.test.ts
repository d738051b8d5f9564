import { describe, expect, it } from 'vitest';
import { createVisitTracker } from '../../../../components/nudge/visit-tracker';
import { classifyUrl } from '../../../../rules';

describe('visit tracker (SPA routes)', () => {
  it('counts the first surface, not the route changes inside it', () => {
    const tracker = createVisitTracker();
    expect(tracker.isNewVisit(classifyUrl('https://discord.com/channels/1/2'))).toBe(true);
    expect(tracker.isNewVisit(classifyUrl('https://discord.com/channels/1/3'))).toBe(false);
    expect(tracker.isNewVisit(classifyUrl('https://discord.com/channels/@me'))).toBe(false);
  });

  it('counts a route to a new surface once, and never a page that is not listed', () => {
    const tracker = createVisitTracker();
    expect(tracker.isNewVisit(classifyUrl('https://discord.com/channels/1/2'))).toBe(true);
    expect(tracker.isNewVisit(classifyUrl('https://discord.com/invite/abc'))).toBe(true);
    expect(tracker.isNewVisit(classifyUrl('https://discord.com/invite/def'))).toBe(false);
    expect(tracker.isNewVisit(classifyUrl('https://discord.com/download'))).toBe(false);
    expect(tracker.isNewVisit(classifyUrl('https://discord.com/channels/9/9'))).toBe(false);
  });
});
