import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../collector/storage/open-database';
import { listSchools } from '../../collector/storage/schools';
import { ENGINES, freshPostgresTarget, freshSqliteTarget } from './support/databases';
import { cli } from './support/run-cli';

/** Windows-1251, as Excel's plain "CSV" saves Cyrillic on a Russian Windows. */
function windows1251(text: string): Uint8Array {
  return Uint8Array.from([...text].map((char) => {
    const code = char.codePointAt(0)!;
    if (code < 0x80) return code;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    if (char === 'Ё') return 0xa8;
    if (char === 'ё') return 0xb8;
    if (char === '№') return 0xb9;
    if (char === '«') return 0xab;
    if (char === '»') return 0xbb;
    throw new Error(`not in the test's table: ${char}`);
  }));
}

describe.each(ENGINES)('the schools directory and user roles from the CLI on $name', ({ name, skip }) => {
  let dbArgs: string[];
  let remove: () => Promise<void>;
  let folder: string;
  const file = (fileName: string, bytes: string | Uint8Array) => {
    const path = join(folder, fileName);
    writeFileSync(path, bytes);
    return path;
  };
  const schools = async () => {
    const database = await openDatabase(dbArgs[0] === '--db' ? { file: dbArgs[1]! } : { url: dbArgs[1]! });
    try {
      return (await listSchools(database.db, [1])).map((school) => [school.orgId, school.name]).sort();
    } finally {
      await database.close();
    }
  };

  beforeEach(async () => {
    if (skip) return;
    const fresh = name === 'sqlite' ? freshSqliteTarget() : await freshPostgresTarget();
    remove = fresh.remove;
    folder = mkdtempSync(join(tmpdir(), 'podskazka-schools-'));
    dbArgs = 'file' in fresh.target ? ['--db', fresh.target.file] : ['--database-url', fresh.target.url];
    await cli(['district', 'add', 'Казбековский район', '--region', 'Республика Дагестан', ...dbArgs]);
  });
  afterEach(async () => {
    if (!skip) await remove();
  });

  it.skipIf(skip)('adds one school and renames it when added again', async () => {
    expect(await cli(['school', 'add', 'Казбековский район', 'school-0101', 'МКОУ «Дылымская СОШ № 1»', ...dbArgs])).toMatchObject({ code: 0, lines: ['school school-0101 «МКОУ «Дылымская СОШ № 1»» added to «Казбековский район»'] });
    expect((await cli(['school', 'add', '1', 'school-0101', 'МКОУ «Дылымская гимназия»', ...dbArgs])).code).toBe(0);
    expect(await schools()).toEqual([['school-0101', 'МКОУ «Дылымская гимназия»']]);
    const bad = await cli(['school', 'add', '1', 'школа 1', 'Имя', ...dbArgs]);
    expect(bad.code).toBe(1);
    expect(bad.errors[0]).toMatch(/«школа 1» is not an orgId/);
  });

  it.skipIf(skip)('imports the list as Excel saves it: UTF-8 with a BOM and ";", quoted names with ";" and quotes', async () => {
    const csv = '\uFEFFКод;Наименование\r\nschool-0101;"МКОУ ""Дылымская СОШ № 1"""\r\nschool-0102;"Гимназия; корпус 2"\r\n;\r\n';
    const result = await cli(['school', 'import', 'Казбековский район', file('list.csv', csv), ...dbArgs]);
    expect(result.code).toBe(0);
    expect(result.lines[0]).toMatch(/2 schools added, 0 renamed, 0 unchanged/);
    expect(await schools()).toEqual([['school-0101', 'МКОУ "Дылымская СОШ № 1"'], ['school-0102', 'Гимназия; корпус 2']]);
  });

  it.skipIf(skip)('imports Windows-1251 with "," and a header in another order', async () => {
    const csv = windows1251('Наименование образовательной организации,Код ОО\r\nМКОУ «Ленинаульская СОШ»,school-0201\r\nМКДОУ «Ёлочка»,school-0202\r\n');
    expect((await cli(['school', 'import', '1', file('list-1251.csv', csv), ...dbArgs])).code).toBe(0);
    expect(await schools()).toEqual([['school-0201', 'МКОУ «Ленинаульская СОШ»'], ['school-0202', 'МКДОУ «Ёлочка»']]);
  });

  it.skipIf(skip)('names every bad line and stores nothing of a list with one', async () => {
    await cli(['school', 'add', '1', 'school-0001', 'Уже в справочнике', ...dbArgs]);
    const csv = 'Код;Наименование\nschool-0101;Первая\nschool 0102;Вторая\nschool-0103;\nschool-0101;Снова первая\n';
    const result = await cli(['school', 'import', '1', file('bad.csv', csv), ...dbArgs]);
    expect(result.code).toBe(1);
    const message = result.errors.join('\n');
    expect(message).toMatch(/nothing imported/);
    expect(message).toMatch(/line 3: code «school 0102» is not an orgId/);
    expect(message).toMatch(/line 4: school «school-0103» has no name/);
    expect(message).toMatch(/line 5: code «school-0101» is already on line 2/);
    expect(await schools()).toEqual([['school-0001', 'Уже в справочнике']]);
    const noHeader = await cli(['school', 'import', '1', file('no-header.csv', 'school-1;Школа\n'), ...dbArgs]);
    expect(noHeader.errors[0]).toMatch(/line 1: the header needs a code and a name column/);
  });

  it.skipIf(skip)('adds users of the school and region roles, and refuses a school not in the directory', async () => {
    await cli(['school', 'add', '1', 'school-0101', 'Дылымская СОШ № 1', ...dbArgs]);
    expect(await cli(['user', 'add', '1', 'director-0101', '--role', 'school', '--school', 'school-0101', ...dbArgs], 'a long enough password')).toMatchObject({
      code: 0,
      lines: ['user «director-0101» added to «Дылымская СОШ № 1, Казбековский район» as a school user'],
    });
    expect(await cli(['user', 'add', 'Республика Дагестан', 'minobr', '--role', 'region', ...dbArgs], 'a long enough password')).toMatchObject({ code: 0 });
    const unknown = await cli(['user', 'add', '1', 'director-9', '--role', 'school', '--school', 'school-9999', ...dbArgs], 'a long enough password');
    expect(unknown.errors[0]).toMatch(/no school «school-9999»/);
    const noSchool = await cli(['user', 'add', '1', 'director-x', '--role', 'school', ...dbArgs], 'a long enough password');
    expect(noSchool.errors[0]).toMatch(/--role school needs --school ORGID/);
    const database = await openDatabase(dbArgs[0] === '--db' ? { file: dbArgs[1]! } : { url: dbArgs[1]! });
    try {
      const users = await database.db.selectFrom('users').select(['login', 'role', 'district_id', 'region_id', 'org_id']).orderBy('login').execute();
      expect(users).toEqual([
        { login: 'director-0101', role: 'school', district_id: 1, region_id: null, org_id: 'school-0101' },
        { login: 'minobr', role: 'region', district_id: null, region_id: 1, org_id: null },
      ]);
    } finally {
      await database.close();
    }
  });
});
