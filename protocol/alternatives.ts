import { z } from 'zod';

/**
 * Where a class chat should live (DESIGN §3, "the alternative set"): ids are stable on the wire.
 * `district` is the policy's own `alternative.url` when it is none of the other three.
 */
export const ALTERNATIVE_TARGETS = ['sferum', 'max', 'vk_messenger', 'district'] as const;

export const AlternativeTarget = /* @__PURE__ */ z.enum(ALTERNATIVE_TARGETS);
export type AlternativeTarget = z.infer<typeof AlternativeTarget>;
