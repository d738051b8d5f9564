import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Engine } from './schema';

/**
 * 0006 (DESIGN §7): each district's directory of schools (`orgId` → name), and users of the
 * `school` role, bound to one `orgId` of their district. A database of the previous release
 * gains an empty directory; its users keep their roles. On SQLite a CHECK cannot be altered, so
 * `users` is rebuilt with the same rows (open sessions end: their owners log in again).
 */
export function schoolsAndRolesMigration(engine: Engine): Migration {
  const key = (length: number) => (engine === 'postgres' ? sql`varchar(${sql.raw(String(length))}) collate "C"` : sql`varchar(${sql.raw(String(length))})`);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('schools')
        .addColumn('district_id', 'integer', (column) => column.notNull().references('districts.id'))
        .addColumn('org_id', key(64), (column) => column.notNull())
        .addColumn('name', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('schools_pk', ['district_id', 'org_id'])
        .execute();
      if (engine === 'postgres') {
        await sql`alter table users drop constraint if exists users_role_check`.execute(db);
        await sql`alter table users add column org_id varchar(64)`.execute(db);
        await sql`alter table users add constraint users_role_check check (role in ('district', 'region', 'school'))`.execute(db);
        return;
      }
      await sql`create table users_0006 (
        id integer primary key autoincrement,
        login text not null unique,
        password_hash text not null,
        role varchar(16) not null check (role in ('district', 'region', 'school')),
        district_id integer references districts (id),
        region_id integer references regions (id),
        org_id varchar(64))`.execute(db);
      await sql`insert into users_0006 (id, login, password_hash, role, district_id, region_id)
        select id, login, password_hash, role, district_id, region_id from users`.execute(db);
      await sql`delete from sessions`.execute(db);
      await sql`drop table users`.execute(db);
      await sql`alter table users_0006 rename to users`.execute(db);
    },
  };
}
