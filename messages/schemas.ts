import { z } from 'zod/mini';
import { MESSENGER_IDS, SURFACES } from '../protocol/messengers';

/**
 * Messages between the content script and the background. zod/mini keeps the content-script
 * bundle small; both sides parse with these same schemas.
 */
export const MessengerIdSchema = z.enum(MESSENGER_IDS);
export const SurfaceSchema = z.enum(SURFACES);

/**
 * Events a page may report; `opened` is counted by the background itself on a visit, and
 * `alternative_opened` when it opens the alternative (OpenAlternativeMessage).
 */
export const NUDGE_EVENTS = ['nudge_shown', 'personal_use', 'dismissed', 'proceeded'] as const;
export const NudgeEventName = z.enum(NUDGE_EVENTS);
export type NudgeEventName = z.infer<typeof NudgeEventName>;

export const VisitMessage = z.strictObject({
  type: z.literal('visit'),
  messenger: MessengerIdSchema,
  surface: SurfaceSchema,
});
export type VisitMessage = z.infer<typeof VisitMessage>;

export const NudgeEventMessage = z.strictObject({
  type: z.literal('nudge_event'),
  messenger: MessengerIdSchema,
  event: NudgeEventName,
});
export type NudgeEventMessage = z.infer<typeof NudgeEventMessage>;

/**
 * A person's click on «Открыть Сферум»: the background opens the policy's alternative address
 * itself (never an href from the page's DOM, which the page could rewrite) and counts it.
 */
export const OpenAlternativeMessage = z.strictObject({ type: z.literal('open_alternative'), messenger: MessengerIdSchema });
export type OpenAlternativeMessage = z.infer<typeof OpenAlternativeMessage>;

/** `section: 'message'` opens the guide at the message for parents. */
export const OpenGuideMessage = z.strictObject({ type: z.literal('open_guide'), section: z.optional(z.literal('message')) });
export type OpenGuideMessage = z.infer<typeof OpenGuideMessage>;

/** The background's answer to `personal_use`: the words saying how long the nudge stays quiet. */
export const NudgeEventAnswer = z.object({ ok: z.literal(true), quiet: z.optional(z.string().check(z.maxLength(200))) });
export type NudgeEventAnswer = z.infer<typeof NudgeEventAnswer>;

export const ContentMessage = z.discriminatedUnion('type', [VisitMessage, NudgeEventMessage, OpenAlternativeMessage, OpenGuideMessage]);
export type ContentMessage = z.infer<typeof ContentMessage>;
