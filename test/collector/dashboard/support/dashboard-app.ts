import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { EventName } from '../../../../protocol/events';
import type { MessengerId } from '../../../../protocol/messengers';
import { hashPassword } from '../../../../collector/server/auth/password';
import type { LoginLimits } from '../../../../collector/server/auth/login-rate-limit';
import { mountDashboard } from '../../../../collector/server/dashboard/mount';
import { rebuildRollups } from '../../../../collector/storage/rollups';
import { addDistrict, addRegion } from '../../../../collector/storage/districts';
import type { Database, UserRole } from '../../../../collector/storage/schema';

export const ORIGIN = 'http://127.0.0.1:8787';
export const API = `${ORIGIN}/api/v1/dashboard`;
const CHEAP_COST = { N: 1024, r: 8, p: 1 };

export function dashboardApp(db: Kysely<Database>, options: { loginLimits?: LoginLimits; now?: () => Date; trustProxy?: boolean } = {}): Hono {
  const app = new Hono();
  mountDashboard(app, db, { distDir: '/nonexistent', ...options });
  return app;
}

export async function addUser(
  db: Kysely<Database>,
  login: string,
  password: string,
  where: { role: UserRole; districtId?: number; regionId?: number; orgId?: string },
): Promise<void> {
  await db
    .insertInto('users')
    .values({
      login,
      password_hash: await hashPassword(password, CHEAP_COST),
      role: where.role,
      district_id: where.districtId ?? null,
      region_id: where.regionId ?? null,
      org_id: where.orgId ?? null,
    })
    .execute();
}

export interface CountSeed {
  districtId: number;
  orgId: string;
  day: string;
  messenger: MessengerId;
  event: EventName;
  n: number;
}

export async function addCounts(db: Kysely<Database>, rows: CountSeed[]): Promise<void> {
  await db
    .insertInto('counts')
    .values(rows.map((r) => ({ district_id: r.districtId, org_id: r.orgId, day: r.day, messenger: r.messenger, event: r.event, n: r.n })))
    .execute();
  await rebuildRollups(db);
}

/**
 * Region "Северный" with districts "Заречный" and "Луговой", region "Южный" with "Приморский".
 * Week 2026-W47 is 16–22 November 2026.
 */
export async function seedTwoRegions(db: Kysely<Database>) {
  const north = await addRegion(db, 'Северный');
  const south = await addRegion(db, 'Южный');
  const zarechny = await addDistrict(db, 'Заречный', north);
  const lugovoy = await addDistrict(db, 'Луговой', north);
  const primorsky = await addDistrict(db, 'Приморский', south);
  await addUser(db, 'zarechny', 'zarechny-pass', { role: 'district', districtId: zarechny });
  await addUser(db, 'lugovoy', 'lugovoy-pass', { role: 'district', districtId: lugovoy });
  await addUser(db, 'north', 'north-pass', { role: 'region', regionId: north });
  await addUser(db, 'south', 'south-pass', { role: 'region', regionId: south });
  await addCounts(db, [
    { districtId: zarechny, orgId: 'school-1', day: '2026-11-16', messenger: 'telegram', event: 'opened', n: 12 },
    { districtId: zarechny, orgId: 'school-1', day: '2026-11-22', messenger: 'telegram', event: 'opened', n: 8 },
    { districtId: zarechny, orgId: 'school-1', day: '2026-11-17', messenger: 'telegram', event: 'nudge_shown', n: 20 },
    { districtId: zarechny, orgId: 'school-1', day: '2026-11-17', messenger: 'telegram', event: 'alternative_opened', n: 5 },
    { districtId: zarechny, orgId: 'school-2', day: '2026-11-18', messenger: 'whatsapp', event: 'opened', n: 3 },
    { districtId: zarechny, orgId: 'school-2', day: '2026-11-18', messenger: 'whatsapp', event: 'nudge_shown', n: 3 },
    // The week before and after: must not leak into W47.
    { districtId: zarechny, orgId: 'school-1', day: '2026-11-15', messenger: 'telegram', event: 'opened', n: 100 },
    { districtId: zarechny, orgId: 'school-1', day: '2026-11-23', messenger: 'telegram', event: 'opened', n: 200 },
    { districtId: lugovoy, orgId: 'school-1', day: '2026-11-19', messenger: 'telegram', event: 'opened', n: 30 },
    { districtId: lugovoy, orgId: 'lug-7', day: '2026-11-19', messenger: 'discord', event: 'opened', n: 4 },
    { districtId: primorsky, orgId: 'prim-1', day: '2026-11-20', messenger: 'telegram', event: 'opened', n: 1000 },
  ]);
  return { north, south, zarechny, lugovoy, primorsky };
}

/** A browser-like client: keeps the session cookie, sends Origin and the CSRF token like the UI does. */
export class Browser {
  /** The session cookie ("name=value"), or ''. */
  cookie = '';
  /** The known-device cookie, or '' (a browser that never logged in). */
  deviceCookie = '';
  csrfToken = '';
  lastSetCookie = '';

  constructor(private readonly app: Hono) {}

  async request(path: string, init: RequestInit & { origin?: string | null } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookies = [this.cookie, this.deviceCookie].filter(Boolean);
    if (cookies.length > 0) headers.set('Cookie', cookies.join('; '));
    const origin = init.origin === undefined ? ORIGIN : init.origin;
    if (origin) headers.set('Origin', origin);
    const url = path.startsWith('http') ? path : `${API}${path}`;
    const response = await this.app.request(url, { ...init, headers });
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair] = setCookie.split(';');
      const value = pair!.endsWith('=') ? '' : pair!;
      if (pair!.startsWith('podskazka_device=')) {
        this.deviceCookie = value;
        continue;
      }
      this.lastSetCookie = setCookie;
      this.cookie = value;
    }
    return response;
  }

  login(login: string, password: string, init: { origin?: string | null } = {}): Promise<Response> {
    return this.request('/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ login, password }),
      ...init,
    }).then(async (response) => {
      if (response.ok) this.csrfToken = ((await response.clone().json()) as { csrfToken: string }).csrfToken;
      return response;
    });
  }

  async json<T = unknown>(path: string): Promise<T> {
    const response = await this.request(path);
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }
}
