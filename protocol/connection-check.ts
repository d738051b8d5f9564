import { z } from 'zod';

/**
 * `GET <reportEndpoint>?orgId=…` with the report token: what the collector would do with this
 * computer's reports, asked without sending any (the options page's «Проверить соединение»).
 * 200 with this body; 401 for an unknown or revoked token, 403 when a school token may not write
 * the orgId, 429 with Retry-After.
 */
export const ConnectionCheckAnswer = z.object({
  ok: z.literal(true),
  district: z.string().max(300),
  /** A school token writes one orgId only; a district token any orgId of its district. */
  scope: z.enum(['district', 'school']),
  /** The orgId the reports will be stored under ('' when none was asked and the token is a district's). */
  orgId: z.string().max(64),
  /** The school's name in the district's directory, or null when the orgId is not listed. */
  school: z.string().max(300).nullable(),
});
export type ConnectionCheckAnswer = z.infer<typeof ConnectionCheckAnswer>;
