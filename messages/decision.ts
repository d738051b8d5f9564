import { z } from 'zod/mini';

/** The background's answer to a visit: what the page shows, in which language, with which words. */
const httpsUrl = z.string().check(z.maxLength(2048), z.regex(/^https:\/\/[^\s]+$/));
const text = z.string().check(z.minLength(1), z.maxLength(1000));

export const PRESENTATIONS = ['banner', 'interstitial', 'none'] as const;
export const Presentation = z.enum(PRESENTATIONS);
export type Presentation = z.infer<typeof Presentation>;

export const UiLocale = z.enum(['ru', 'en']);
export type UiLocale = z.infer<typeof UiLocale>;

export const DecisionAlternative = z.strictObject({
  name: z.string().check(z.minLength(1), z.maxLength(60)),
  url: httpsUrl,
  instructionsUrl: httpsUrl,
});
export type DecisionAlternative = z.infer<typeof DecisionAlternative>;

/** Every word the nudge shows, already in the decided language (the page bundles no locale files). */
export const NudgeTexts = z.strictObject({
  label: text,
  rule: text,
  openAlternative: text,
  howToMove: text,
  personalUse: text,
  parentsMessage: text,
  collapse: text,
  reopen: text,
  close: text,
});
export type NudgeTexts = z.infer<typeof NudgeTexts>;

/** The confirm-mode interstitial's words (components/interstitial). */
export const InterstitialTexts = z.strictObject({
  title: text,
  rule: text,
  openAlternative: text,
  personalUse: text,
  proceed: text,
  howToMove: text,
});
export type InterstitialTexts = z.infer<typeof InterstitialTexts>;

export const Decision = z.strictObject({
  presentation: Presentation,
  alternative: DecisionAlternative,
  /** A district's own words (plain text), shown instead of the built-in rule sentence. */
  message: z.optional(text),
  locale: UiLocale,
  texts: NudgeTexts,
  /** Present when presentation is 'interstitial'. */
  interstitial: z.optional(InterstitialTexts),
});
export type Decision = z.infer<typeof Decision>;
