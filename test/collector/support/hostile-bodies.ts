import { validBatch } from './ingest-app';

/**
 * Malformed and hostile report bodies, each invalid by construction: wrong types, huge and
 * negative numbers, unknown keys, deep nesting, invalid UTF-8, SQL-looking strings, truncation.
 * Deterministic for a seed, so a failure can be replayed.
 */
export interface HostileBody {
  kind: string;
  body: Uint8Array;
}

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SQLISH = ["'; drop table counts; --", "1 or 1=1", "\" or \"\"=\"", "school'); delete from batches; --", "$1", "?", "\\x00", "counts.n + 1000", "' union select * from tokens --"];
const WRONG_VALUES: unknown[] = [null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 2, '', ' ', 'x'.repeat(300), [], {}, [1, 2], { $gt: '' }, '1', 'NaN', '\u0000', '\ud800', '𝕏'];
const BAD_N: unknown[] = [0, -1, -100_000, 100_001, 1e9, 1e308, 1.5, 0.0001, '3', null, true, [], {}, 2 ** 53 + 2, -0.5];
const BAD_DAYS: unknown[] = ['2026-02-30', '2026-13-01', '2025-11-22', '2026-09-01', '2026-11-25', '2099-01-01', '22-11-2026', '2026-11-22T10:00:00Z', '', 20261122, null, '2026-11-2', '２０２６-11-22'];
const BAD_IDS: unknown[] = ['3f6c1a9e-0000-1000-8000-000000000001', '3f6c1a9e-0000-4000-c000-000000000001', 'not-a-uuid', '', 42, null, '3f6c1a9e00004000800000000000000001', '{3f6c1a9e-0000-4000-8000-000000000001}'];
const BAD_ORGS: unknown[] = ['school 1', 'школа-1', 'x'.repeat(65), '../../etc', 'a/b', null, 7, ['a']];
const BAD_VERSIONS: unknown[] = ['', 'v1', '1.2.3.4.5', '123456', '1..2', null, 1.2, '1.2.3-beta'];
const TOP_KEYS = ['v', 'batchId', 'orgId', 'extVersion', 'counts'] as const;
const ROW_KEYS = ['day', 'messenger', 'event', 'n'] as const;
const encoder = new TextEncoder();

export function hostileBodies(count: number, seed = 20261123): Generator<HostileBody> {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const int = (max: number) => Math.floor(random() * max);
  const json = (kind: string, value: unknown): HostileBody => ({ kind, body: encoder.encode(JSON.stringify(value)) });
  const tooManyRows = encoder.encode(JSON.stringify(validBatch({ counts: Array.from({ length: 1001 }, () => ({ day: '2026-11-22', messenger: 'teams', event: 'opened', n: 1 })) })));

  const mutations: (() => HostileBody)[] = [
    () => {
      const batch: Record<string, unknown> = validBatch();
      delete batch[pick(TOP_KEYS)];
      return json('missing key', batch);
    },
    () => json('unknown key', { ...validBatch(), [pick(['extra', '__proto__', 'constructor', 'ip', 'userAgent', 'V'])]: pick(WRONG_VALUES) }),
    () => json('wrong v', validBatch({ v: pick([0, 2, -1, '1', null, true, 1.5, 1e308, [1]]) })),
    () => json('wrong type at top', validBatch({ [pick(TOP_KEYS.filter((key) => key !== 'orgId'))]: pick(WRONG_VALUES.filter((value) => value !== 1 && value !== '1')) })),
    () => json('bad batchId', validBatch({ batchId: pick([...BAD_IDS, ...SQLISH]) })),
    () => json('bad orgId', validBatch({ orgId: pick([...BAD_ORGS, ...SQLISH]) })),
    () => json('bad extVersion', validBatch({ extVersion: pick([...BAD_VERSIONS, ...SQLISH]) })),
    () => json('bad counts', validBatch({ counts: pick<unknown>([[], null, {}, 'counts', 7, [[]], [null], [1, 2]]) })),
    () => ({ kind: 'too many rows', body: tooManyRows }),
    () => json('bad n', validBatch({ counts: [row({ n: pick(BAD_N) })] })),
    () => json('bad day', validBatch({ counts: [row({ day: pick(BAD_DAYS) })] })),
    () => json('bad messenger', validBatch({ counts: [row({ messenger: pick(['icq', 'TELEGRAM', 'sferum', 'max', '', null, 3, ...SQLISH]) })] })),
    () => json('bad event', validBatch({ counts: [row({ event: pick(['clicked', 'OPENED', '', null, 0, ...SQLISH]) })] })),
    () => json('unknown row key', validBatch({ counts: [{ ...row({}), [pick(['url', 'title', 'x', '__proto__'])]: 'https://web.telegram.org/' }] })),
    () => {
      const broken: Record<string, unknown> = row({});
      delete broken[pick(ROW_KEYS)];
      return json('row missing key', validBatch({ counts: [row({}), broken] }));
    },
    () => {
      const depth = 1 + int(3_000);
      const nested = `${'['.repeat(depth)}1${']'.repeat(depth)}`;
      const at = pick(['counts', 'orgId', 'v', 'extra']);
      const text = JSON.stringify(validBatch()).replace(/}$/, `,"${at === 'extra' ? 'extra' : `${at}2`}":${nested}}`);
      return { kind: 'deep nesting', body: encoder.encode(text.length < 60_000 ? text : nested) };
    },
    () => ({ kind: 'deep objects', body: encoder.encode(`${'{"a":'.repeat(1 + int(3_000))}1${'}'.repeat(1 + int(3_000))}`) }),
    () => {
      const text = JSON.stringify(validBatch());
      return { kind: 'truncated', body: encoder.encode(text.slice(0, int(text.length - 1))) };
    },
    () => {
      const bytes = encoder.encode(JSON.stringify(validBatch({ orgId: 'school-XX' })));
      const at = bytes.indexOf(0x58); // the first "X" becomes a lone continuation / invalid lead byte
      bytes[at] = pick([0x80, 0xbf, 0xc0, 0xc1, 0xf5, 0xff, 0xfe, 0xed]);
      return { kind: 'invalid utf-8', body: bytes };
    },
    () => ({ kind: 'random bytes', body: Uint8Array.from({ length: int(512) }, () => int(256)) }),
    () => ({ kind: 'not an object', body: encoder.encode(pick(['null', 'true', '1', '"report"', '[]', '[{}]', '', ' ', '{}', 'NaN', '1e999', '{"v":1}{"v":1}'])) }),
    () => json('duplicate-looking keys', JSON.parse(`{"v":1,"v":2,"batchId":"${crypto.randomUUID()}","orgId":"a","extVersion":"1","counts":[${JSON.stringify(row({}))}]}`)),
  ];

  function row(overrides: Record<string, unknown>): Record<string, unknown> {
    return { day: '2026-11-22', messenger: 'telegram', event: 'opened', n: 1 + int(100), ...overrides };
  }

  return (function* () {
    for (let i = 0; i < count; i += 1) yield pick(mutations)();
  })();
}
