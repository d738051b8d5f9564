import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '../../../collector/server/auth/password';
import { demoCountRows, demoSchools } from '../../../collector/demo/demo-counts';
import { upsertSchools } from '../../../collector/storage/schools';
import { rebuildRollups } from '../../../collector/storage/rollups';
import { startCollector, type RunningCollector } from '../../../collector/server/start-collector';
import { addDistrict, addRegion } from '../../../collector/storage/districts';

export const DASHBOARD_LOGIN = { login: 'metodist', password: 'Сферум-2026-demo' };
export const REGION_LOGIN = { login: 'oblast', password: 'Область-2026-demo' };
/** The demo's last day is Sunday of 2026-W47; the dashboard's clock says Monday after, so W47 is shown first. */
export const DEMO_TODAY = '2026-11-22';
const DASHBOARD_NOW = new Date('2026-11-23T09:00:00Z');

export function buildDashboard(): void {
  execFileSync('npm', ['run', '--silent', 'build:dashboard'], { stdio: 'ignore' });
}

/** A collector on 127.0.0.1 (a free port) over a temporary SQLite file, with a seeded district and its user. */
export async function startSeededCollector(): Promise<RunningCollector & { districtId: number; stop: () => Promise<void> }> {
  const folder = mkdtempSync(join(tmpdir(), 'podskazka-dashboard-e2e-'));
  const collector = await startCollector({
    target: { file: join(folder, 'collector.db') },
    host: '127.0.0.1',
    port: 0,
    dashboard: { now: () => DASHBOARD_NOW },
  });
  const { db } = collector.database;
  const region = await addRegion(db, 'Энская область');
  const districtId = await addDistrict(db, 'Заречный район', region);
  const neighbourId = await addDistrict(db, 'Соседний район', region);
  await db
    .insertInto('users')
    .values([
      { login: DASHBOARD_LOGIN.login, password_hash: await hashPassword(DASHBOARD_LOGIN.password), role: 'district', district_id: districtId, region_id: null },
      { login: REGION_LOGIN.login, password_hash: await hashPassword(REGION_LOGIN.password), role: 'region', district_id: null, region_id: region },
    ])
    .execute();
  const rows = [
    ...demoCountRows({ districtId, today: DEMO_TODAY }),
    ...demoCountRows({ districtId: neighbourId, today: DEMO_TODAY, schools: 6, seed: 7 }),
  ];
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('counts').values(rows.slice(i, i + 500)).execute();
  // One school's token flooded Wednesday of W47: the plausibility bound refused the excess.
  const flooded = demoSchools(districtId)[0]!;
  await db.insertInto('count_excess').values({ district_id: districtId, org_id: flooded.orgId, day: '2026-11-18', messenger: 'telegram', event: 'opened', n: 12_345 }).execute();
  await rebuildRollups(db);
  // The directory: the 24 reporting schools and 3 that never sent anything.
  await upsertSchools(db, [
    ...demoSchools(districtId),
    ...['0901', '0902', '0903'].map((code, i) => ({ districtId, orgId: `school-${code}`, name: `МБОУ «Тихая школа №\u00a0${i + 1}»` })),
  ]);
  return {
    ...collector,
    districtId,
    stop: async () => {
      await collector.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
