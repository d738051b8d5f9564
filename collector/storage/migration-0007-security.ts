import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { normalizeLogin } from './login-name';
import type { Engine } from './schema';

/**
 * Issue 14 (DESIGN §6, §7):
 * - batchIds are unique per district, not across districts, and kept lower-cased, so the same id
 *   in another letter case is the same batch and another district's id never shadows one of ours;
 * - tokens get a public id (to revoke without the secret), an optional school (`org_id`) they are
 *   bound to, the token's visible start, and their own quotas;
 * - logins are kept normalized (normalizeLogin), so the lookup and the lockout agree;
 * - `login_devices` remembers browsers that logged in, which a lockout of strangers lets through;
 * - `count_excess` keeps what the plausibility bound refused, for the dashboard to show.
 */
export function securityMigration(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await rekeyBatches(db, engine);
      await db.schema.alterTable('tokens').addColumn('token_id', 'varchar(16)').execute();
      await db.schema.alterTable('tokens').addColumn('org_id', 'varchar(64)').execute();
      await db.schema.alterTable('tokens').addColumn('prefix', 'varchar(16)').execute();
      await db.schema.alterTable('tokens').addColumn('rows_per_day', 'integer').execute();
      await db.schema.alterTable('tokens').addColumn('new_orgs_per_day', 'integer').execute();
      await sql`update tokens set token_id = substr(token_hash, 1, 12)`.execute(db);
      await db.schema.createIndex('tokens_by_token_id').on('tokens').column('token_id').execute();
      await normalizeLogins(db);
      await db.schema
        .createTable('login_devices')
        .addColumn('id_hash', 'varchar(64)', (column) => column.primaryKey())
        .addColumn('user_id', 'integer', (column) => column.notNull().references('users.id').onDelete('cascade'))
        .addColumn('expires_at', 'bigint', (column) => column.notNull())
        .execute();
      await db.schema
        .createTable('count_excess')
        .addColumn('district_id', 'integer', (column) => column.notNull())
        .addColumn('org_id', 'varchar(64)', (column) => column.notNull())
        .addColumn('day', 'varchar(10)', (column) => column.notNull())
        .addColumn('messenger', 'varchar(16)', (column) => column.notNull())
        .addColumn('event', 'varchar(24)', (column) => column.notNull())
        .addColumn('n', engine === 'postgres' ? 'bigint' : 'integer', (column) => column.notNull())
        .addPrimaryKeyConstraint('count_excess_pk', ['district_id', 'org_id', 'day', 'messenger', 'event'])
        .execute();
    },
  };
}

/** (district_id, batch_id) as the key, ids lower-cased; a batch stored twice in two cases is kept once. */
async function rekeyBatches(db: Kysely<unknown>, engine: Engine): Promise<void> {
  if (engine === 'sqlite') {
    await sql`create table batches_0007 (batch_id varchar(36) not null, district_id integer not null references districts (id),
      constraint batches_pk primary key (district_id, batch_id)) without rowid`.execute(db);
    await sql`insert or ignore into batches_0007 (batch_id, district_id) select lower(batch_id), district_id from batches`.execute(db);
    await sql`drop table batches`.execute(db);
    await sql`alter table batches_0007 rename to batches`.execute(db);
    return;
  }
  await sql`alter table batches drop constraint batches_pkey`.execute(db);
  await sql`delete from batches b using batches other
    where b.batch_id <> lower(b.batch_id) and other.district_id = b.district_id and other.batch_id = lower(b.batch_id)`.execute(db);
  await sql`delete from batches b using batches other
    where b.batch_id <> lower(b.batch_id) and other.batch_id <> lower(other.batch_id) and other.district_id = b.district_id
      and lower(other.batch_id) = lower(b.batch_id) and other.batch_id < b.batch_id`.execute(db);
  await sql`update batches set batch_id = lower(batch_id) where batch_id <> lower(batch_id)`.execute(db);
  await sql`alter table batches add constraint batches_pk primary key (district_id, batch_id)`.execute(db);
}

/** In JavaScript: SQLite's lower() knows only ASCII. A login whose normal form is taken stays as it was. */
async function normalizeLogins(db: Kysely<unknown>): Promise<void> {
  const users = await sql<{ id: number; login: string }>`select id, login from users order by id`.execute(db);
  const taken = new Set(users.rows.map((user) => user.login));
  for (const user of users.rows) {
    const normal = normalizeLogin(user.login);
    if (normal === user.login || taken.has(normal)) continue;
    await sql`update users set login = ${normal} where id = ${user.id}`.execute(db);
    taken.delete(user.login);
    taken.add(normal);
  }
}
