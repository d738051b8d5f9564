import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../storage/schema';
import { requireViewer, type DashboardEnv } from '../auth/session-middleware';
import { weekCsv } from './export-csv';
import { weekXlsx } from './export-xlsx';
import { todayUtc, weekRange } from './iso-week';
import { availableWeeks } from './reports';
import { buildWeekReport } from './week-report';
import { weekTrend } from './week-trend';

const Week = z.string().refine((value) => weekRange(value) !== null, 'неделя в виде 2026-W47');
const WeekQuery = z.object({ week: Week });
const TrendQuery = z.object({ to: Week, weeks: z.coerce.number().int().min(1).max(104).default(12) });

const BAD_WEEK = { error: 'Укажите неделю в виде 2026-W47 (год и номер недели по ISO).' };

/** GET /weeks, /report, /trend, /export.csv, /export.xlsx — every one scoped to the viewer's session. */
export function dataRoutes(db: Kysely<Database>, now: () => Date): Hono<DashboardEnv> {
  const app = new Hono<DashboardEnv>();
  app.use('*', requireViewer(db, now));
  const report = (scope: DashboardEnv['Variables']['viewer']['scope'], week: string) => buildWeekReport(db, scope, weekRange(week)!, todayUtc(now()));

  app.get('/weeks', async (c) => c.json(await availableWeeks(db, c.get('viewer').scope, todayUtc(now()))));

  app.get('/report', async (c) => {
    const query = WeekQuery.safeParse(c.req.query());
    if (!query.success) return c.json(BAD_WEEK, 400);
    return c.json(await report(c.get('viewer').scope, query.data.week));
  });

  app.get('/trend', async (c) => {
    const query = TrendQuery.safeParse(c.req.query());
    if (!query.success) return c.json({ error: 'Укажите to=2026-W47 и weeks от 1 до 104.' }, 400);
    return c.json(await weekTrend(db, c.get('viewer').scope, query.data.to, query.data.weeks));
  });

  app.get('/export.csv', async (c) => {
    const query = WeekQuery.safeParse(c.req.query());
    if (!query.success) return c.json(BAD_WEEK, 400);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="podskazka-${query.data.week}.csv"`);
    return c.body(weekCsv(await report(c.get('viewer').scope, query.data.week)));
  });

  app.get('/export.xlsx', async (c) => {
    const query = WeekQuery.safeParse(c.req.query());
    if (!query.success) return c.json(BAD_WEEK, 400);
    const body = await weekXlsx(await report(c.get('viewer').scope, query.data.week));
    c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    c.header('Content-Disposition', `attachment; filename="podskazka-${query.data.week}.xlsx"`);
    return c.body(new Uint8Array(body));
  });

  return app;
}
