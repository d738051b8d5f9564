import { z } from 'zod';
import { ConnectionCheckAnswer } from '../../protocol/connection-check';
import { MAX_BATCH_BYTES, ORG_ID_PATTERN, ReportBatch } from '../../protocol/report';
import { dashboardComponents, dashboardPaths } from './dashboard/openapi-paths';

const ErrorBody = z.object({
  error: z.string().describe('What went wrong, in words a person can read.'),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional().describe('400 only: the first problems found.'),
});

const jsonBody = (schema: object, description: string) => ({ description, content: { 'application/json': { schema } } });
const errorRef = { $ref: '#/components/schemas/Error' };
const retryAfter = { 'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer' } } };

/** The OpenAPI 3.1 document of the report and dashboard APIs, generated from their zod schemas. */
export function openApiDocument(): object {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Podskazka collector',
      version: '1',
      description:
        'Receives day × messenger × event counts and day × target alternative visits from the Podskazka extension (wire formats v1 and v2, DESIGN §6), and serves the district dashboard (a session cookie from POST /api/v1/dashboard/login).',
    },
    components: {
      securitySchemes: {
        reportToken: { type: 'http', scheme: 'bearer', description: 'The district report token from the managed policy.' },
        ...dashboardComponents.securitySchemes,
      },
      schemas: {
        ReportBatch: z.toJSONSchema(ReportBatch, { io: 'input' }),
        Error: z.toJSONSchema(ErrorBody),
        ...dashboardComponents.schemas,
      },
    },
    paths: {
      '/api/v1/reports': {
        get: {
          summary: 'Check a report token without sending counts («Проверить соединение»)',
          description: 'Stores nothing. At most 10 checks at once and one every 5 s per token.',
          security: [{ reportToken: [] }],
          parameters: [{ name: 'orgId', in: 'query', required: false, schema: { type: 'string', pattern: ORG_ID_PATTERN.source } }],
          responses: {
            '200': jsonBody(z.toJSONSchema(ConnectionCheckAnswer), "The token's district and scope, the orgId its reports go under, the school's name in the directory."),
            '400': jsonBody(errorRef, 'The orgId is not one a report could carry.'),
            '401': jsonBody(errorRef, 'Missing, unknown or revoked token.'),
            '403': jsonBody(errorRef, 'A school token asked about another school.'),
            '429': { ...jsonBody(errorRef, 'Too many checks with this token.'), headers: retryAfter },
          },
        },
        post: {
          summary: 'Store one batch of counts (and, in v2, alternative visits)',
          description: `Counts a batchId once however often it arrives. At most ${MAX_BATCH_BYTES} bytes; days within the last 60 days and not in the future.`,
          security: [{ reportToken: [] }],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ReportBatch' } } } },
          responses: {
            '202': jsonBody({ type: 'object', properties: { stored: { const: true } } }, 'Stored (after the commit).'),
            '200': jsonBody({ type: 'object', properties: { duplicate: { const: true } } }, 'This batchId was stored before; nothing counted.'),
            '400': jsonBody(errorRef, 'Not valid JSON / UTF-8, or neither wire format v1 nor v2.'),
            '401': jsonBody(errorRef, 'Missing, unknown or revoked token.'),
            '413': jsonBody(errorRef, 'Body larger than 64 KiB.'),
            '415': jsonBody(errorRef, 'Content-Type is not application/json.'),
            '429': { ...jsonBody(errorRef, 'Too many reports with this token.'), headers: retryAfter },
            '503': { ...jsonBody(errorRef, 'Storage unavailable; retry later.'), headers: retryAfter },
          },
        },
      },
      '/healthz': {
        get: {
          summary: 'Liveness and database check',
          responses: {
            '200': jsonBody({ type: 'object', properties: { ok: { const: true } } }, 'Serving and the database answers.'),
            '503': jsonBody(errorRef, 'The database does not answer.'),
          },
        },
      },
      ...dashboardPaths,
    },
  };
}
