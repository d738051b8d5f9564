import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkResultText } from '../../../../components/options/ConnectionCheck';
import { checkConnection, type CheckTarget } from '../../../../components/options/connection-check';
import { translator } from '../../../../i18n';
import { upsertSchools } from '../../../../collector/storage/schools';
import { createToken } from '../../../../collector/storage/tokens';
import { ingestFixture, type IngestFixture } from '../../../collector/support/ingest-app';

/** «Проверить соединение» against the real collector app (SQLite), through its own fetch. */
describe('«Проверить соединение»', () => {
  let f: IngestFixture;
  let schoolToken: string;
  const ENDPOINT = 'https://collector.example/api/v1/reports';
  const viaApp: typeof fetch = (input, init) => Promise.resolve(f.app.request(String(input), init));
  const say = async (target: Partial<CheckTarget>, fetchFn: typeof fetch = viaApp) => {
    const full = { endpoint: ENDPOINT, token: f.north.token, orgId: 'school-0547', ...target };
    return words(checkResultText(await checkConnection(full, fetchFn), full.orgId, translator('ru')));
  };
  /** The texts come typeset; the first test checks the non-breaking spaces, the rest read the words. */
  const words = (text: string) => text.replaceAll('\u00a0', ' ');

  beforeAll(async () => {
    f = await ingestFixture('sqlite');
    await upsertSchools(f.database.db, [{ districtId: f.north.id, orgId: 'school-0547', name: 'Школа № 5' }]);
    schoolToken = await createToken(f.database.db, f.north.id, { orgId: 'school-0547' });
  });
  afterAll(() => f.drop());

  it('names the district and the school when the key and code work, and sends no counts', async () => {
    const text = checkResultText(await checkConnection({ endpoint: ENDPOINT, token: f.north.token, orgId: 'school-0547' }, viaApp), 'school-0547', translator('ru'));
    expect(text).toContain('«Школа №\u00a05»');
    expect(words(text)).toBe('Соединение работает. Сервер района «Северный район» примет отчёты школы «Школа № 5» (код school-0547).');
    expect(await say({ token: schoolToken, orgId: '' })).toContain('«Школа № 5» (код school-0547)');
    expect(await f.countsOf(f.north.id)).toEqual({});
  });

  it('says what to fix for a code not in the directory, a wrong key and another school', async () => {
    expect(await say({ orgId: 'school-0999' })).toContain('школы с кодом school-0999 нет в справочнике района');
    expect(await say({ token: 'pk_typo' })).toContain('Сервер не принял ключ доступа');
    expect(await say({ token: schoolToken, orgId: 'school-0001' })).toContain('Этот ключ выдан другой школе и не подходит для кода school-0001');
  });

  it('catches what needs no server: no address, a bad one, no key, a code a report cannot carry', async () => {
    let asked = 0;
    const counting: typeof fetch = (input, init) => ((asked += 1), viaApp(input, init));
    expect(await say({ endpoint: '' }, counting)).toBe('Сначала укажите адрес сервера отчётов.');
    expect(await say({ endpoint: 'collector.example' }, counting)).toContain('должен начинаться с https://');
    expect(await say({ token: '' }, counting)).toContain('Укажите ключ доступа');
    expect(await say({ orgId: 'школа 5' }, counting)).toContain('только из латинских букв');
    expect(asked).toBe(0);
  });

  it('tells an old collector, a wrong address, a failing server and no network apart', async () => {
    const answering = (status: number, headers: Record<string, string> = {}): typeof fetch => async () => new Response('{"error":"x"}', { status, headers });
    expect(await say({}, answering(405))).toContain('старая версия');
    expect(await say({}, answering(404))).toContain('По этому адресу нет сервера отчётов');
    expect(await say({}, answering(503))).toBe('Сервер ответил ошибкой (код 503). Попробуйте позже или сообщите администратору района.');
    expect(await say({}, answering(429, { 'retry-after': '30' }))).toContain('через 30 с');
    expect(await say({}, answering(200))).toContain('Сервер ответил непонятно (код 200)');
    expect(await say({}, async () => Promise.reject(new TypeError('Failed to fetch')))).toBe('Сервер не отвечает. Проверьте адрес и подключение к интернету.');
  });

  it('sends the token as a Bearer header and nothing else about the computer', async () => {
    let seen: Request | undefined;
    await checkConnection({ endpoint: ENDPOINT, token: 'pk_x', orgId: 'school-0547' }, async (input, init) => {
      seen = new Request(input, init);
      return new Response(null, { status: 401 });
    });
    expect(seen?.method).toBe('GET');
    expect(seen?.url).toBe(`${ENDPOINT}?orgId=school-0547`);
    expect(seen?.headers.get('authorization')).toBe('Bearer pk_x');
    expect(seen?.credentials).toBe('omit');
    expect(seen?.referrerPolicy).toBe('no-referrer');
  });
});
