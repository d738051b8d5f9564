import { z } from 'zod';
import { CSRF_HEADER } from '../auth/csrf';
import { SESSION_COOKIE } from '../auth/sessions';
import * as schemas from './api-schemas';
import { DASHBOARD_API } from './mount';

/** The dashboard API's part of /openapi.json, from the schemas its answers are typed by. */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string, description: string) => ({ description, content: { 'application/json': { schema: ref(name) } } });
const problem = (description: string) => json('DashboardError', description);
const session = [{ dashboardSession: [] }];
const weekParameter = { name: 'week', in: 'query', required: true, schema: { type: 'string', pattern: '^\\d{4}-W\\d{2}$' }, description: 'ISO week, e.g. 2026-W47.' };
const csrfParameter = { name: CSRF_HEADER, in: 'header', required: true, schema: { type: 'string' }, description: 'The csrfToken from login or /session.' };
const signedIn = { '401': problem('Not logged in, or the session has ended.') };
const weekly = { ...signedIn, '400': problem('No valid ISO week given.') };

export const dashboardComponents = {
  securitySchemes: {
    dashboardSession: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'Set by POST /login (HttpOnly, SameSite=Strict).' },
  },
  schemas: {
    SessionInfo: z.toJSONSchema(schemas.SessionInfo),
    WeeksResponse: z.toJSONSchema(schemas.WeeksResponse),
    ReportResponse: z.toJSONSchema(schemas.ReportResponse),
    TrendResponse: z.toJSONSchema(schemas.TrendResponse),
    DashboardError: z.toJSONSchema(schemas.ApiError),
  },
};

export const dashboardPaths = {
  [`${DASHBOARD_API}/login`]: {
    post: {
      summary: 'Log in (from the dashboard page: the Origin must be the collector itself)',
      requestBody: {
        required: true,
        content: { 'application/json': { schema: { type: 'object', required: ['login', 'password'], properties: { login: { type: 'string' }, password: { type: 'string' } } } } },
      },
      responses: {
        '200': json('SessionInfo', 'Logged in; the session cookie is set.'),
        '400': problem('Login or password missing.'),
        '401': problem('Wrong login or password (the same answer for both).'),
        '403': problem('Not from the dashboard page.'),
        '415': problem('Not JSON.'),
        '429': { ...problem('Too many attempts.'), headers: { 'Retry-After': { schema: { type: 'integer' } } } },
      },
    },
  },
  [`${DASHBOARD_API}/session`]: { get: { summary: 'Who is logged in', security: session, responses: { '200': json('SessionInfo', 'The session.'), ...signedIn } } },
  [`${DASHBOARD_API}/logout`]: {
    post: { summary: 'Log out', security: session, parameters: [csrfParameter], responses: { '204': { description: 'The session is gone.' }, ...signedIn, '403': problem('CSRF check failed.') } },
  },
  [`${DASHBOARD_API}/weeks`]: { get: { summary: 'Weeks with data, and the one to show first', security: session, responses: { '200': json('WeeksResponse', 'Weeks.'), ...signedIn } } },
  [`${DASHBOARD_API}/report`]: {
    get: { summary: "The week's report: coverage, headline with changes, one row per school; small cells suppressed", security: session, parameters: [weekParameter], responses: { '200': json('ReportResponse', 'The report.'), ...weekly } },
  },
  [`${DASHBOARD_API}/trend`]: {
    get: {
      summary: 'Weekly series up to a week',
      security: session,
      parameters: [
        { ...weekParameter, name: 'to' },
        { name: 'weeks', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 104, default: 12 } },
      ],
      responses: { '200': json('TrendResponse', 'The week totals, one per week.'), ...weekly },
    },
  },
  [`${DASHBOARD_API}/export.csv`]: {
    get: {
      summary: 'The week as CSV for Russian Excel (";", UTF-8 with BOM): one row per school with its name, a totals row',
      security: session,
      parameters: [weekParameter],
      responses: { '200': { description: 'CSV file.', content: { 'text/csv': { schema: { type: 'string' } } } }, ...weekly },
    },
  },
  [`${DASHBOARD_API}/export.xlsx`]: {
    get: {
      summary: 'The week as XLSX: a summary sheet and one row per school with its name, a totals row',
      security: session,
      parameters: [weekParameter],
      responses: { '200': { description: 'XLSX file.', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } } } }, ...weekly },
    },
  },
};
