import { describe, expect, it } from 'vitest';
import { ALTERNATIVE_TARGETS } from '../../../protocol/alternatives';
import { EVENT_NAMES } from '../../../protocol/events';
import { MESSENGER_IDS } from '../../../protocol/messengers';
import { toLogEntries, type AcceptedBatch } from '../../../collector/storage/batch-sql';
import { LOG_CODES } from '../../../collector/storage/log-entry.mjs';
import { addLogRow, cellsInKeyOrder, emptySums } from '../../../collector/storage/log-sums.mjs';

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;

/** A log row of `batches` as the stores write it: their entries in one JSON array. */
function logRow(batches: AcceptedBatch[]) {
  return { batches: batches.length, entries: `[${toLogEntries(batches).map((entry) => entry.entry).join(',')}]` };
}

function cells(...rows: { batches: number; entries: string }[]) {
  const sums = emptySums();
  for (const row of rows) addLogRow(sums, row);
  const { counts, visits } = cellsInKeyOrder(sums);
  return {
    batches: sums.batches,
    counts: counts.map(({ districtId, orgId, day, messenger, event, n }) => ({ districtId, orgId, day, messenger, event, n })),
    visits: visits.map(({ districtId, orgId, day, target, n }) => ({ districtId, orgId, day, target, n })),
  };
}

describe('a batch in the report log', () => {
  it('has a code for every messenger, event and alternative the protocol knows', () => {
    expect(MESSENGER_IDS.filter((id) => !LOG_CODES.messengers.includes(id))).toEqual([]);
    expect(EVENT_NAMES.filter((event) => !LOG_CODES.events.includes(event))).toEqual([]);
    expect(ALTERNATIVE_TARGETS.filter((target) => !LOG_CODES.targets.includes(target))).toEqual([]);
  });

  it('folds back to the rows it was given, every messenger, event and target, with a cell sent twice summed', () => {
    const counts = MESSENGER_IDS.flatMap((messenger, m) => EVENT_NAMES.map((event, e) => ({ day: '2026-11-30', messenger, event, n: 1 + m * 10 + e })));
    const visits = ALTERNATIVE_TARGETS.map((target, t) => ({ day: '2026-12-01', target, n: 100 + t }));
    const first: AcceptedBatch = { districtId: 3, batchId: uuid(1), orgId: 'school-"7"', counts, visits };
    const second: AcceptedBatch = { districtId: 3, batchId: uuid(2), orgId: 'school-"7"', counts: [{ day: '2026-11-30', messenger: 'telegram', event: 'opened', n: 5 }] };
    const other: AcceptedBatch = { districtId: 4, batchId: uuid(3), orgId: '', counts: [{ day: '2024-02-29', messenger: 'max' as never, event: 'opened', n: 1 }] };

    expect(() => logRow([other])).toThrow('the report log has no code for "max"');
    const folded = cells(logRow([first, second]));
    expect(folded.batches).toBe(2);
    const telegramOpened = counts.find((row) => row.messenger === 'telegram' && row.event === 'opened')!;
    const expected = counts.map((row) => ({ districtId: 3, orgId: 'school-"7"', ...row, n: row === telegramOpened ? row.n + 5 : row.n }));
    expect(folded.counts).toEqual(expect.arrayContaining(expected));
    expect(folded.counts).toHaveLength(counts.length);
    const byTarget = (a: { target: string }, b: { target: string }) => a.target.localeCompare(b.target);
    expect(folded.visits.sort(byTarget)).toEqual(visits.map((row) => ({ districtId: 3, orgId: 'school-"7"', ...row })).sort(byTarget));
  });

  it('keeps its days, a leap day and the turn of a year included', () => {
    const days = ['2024-02-29', '2025-12-31', '2026-01-01', '1970-01-01'];
    const batch: AcceptedBatch = { districtId: 1, batchId: uuid(4), orgId: 's', counts: days.map((day) => ({ day, messenger: 'viber', event: 'blocked', n: 2 })) };
    expect(cells(logRow([batch])).counts.map((cell) => cell.day)).toEqual([...days].sort());
  });

  it('reads a row stored in this format as written, so the codes may only grow', () => {
    // Day 20_787 is 2026-11-30; discord = 0, opened = 0, wechat = 8, blocked = 6, district = 3.
    const stored = { batches: 1, entries: '[[2,"school-1",[20787,0,0,4,20787,8,6,1],[20787,3,2]]]' };
    expect(cells(stored)).toEqual({
      batches: 1,
      counts: [
        { districtId: 2, orgId: 'school-1', day: '2026-11-30', messenger: 'discord', event: 'opened', n: 4 },
        { districtId: 2, orgId: 'school-1', day: '2026-11-30', messenger: 'wechat', event: 'blocked', n: 1 },
      ],
      visits: [{ districtId: 2, orgId: 'school-1', day: '2026-11-30', target: 'district', n: 2 }],
    });
  });

  it('still reads the entries of earlier collectors, beside new ones in one fold', () => {
    const older = { batches: 1, entries: '[{"d":2,"o":"school-1","c":[{"day":"2026-11-30","messenger":"telegram","event":"opened","n":3}],"v":[{"day":"2026-11-30","target":"max","n":1}]}]' };
    const newer = logRow([{ districtId: 2, batchId: uuid(5), orgId: 'school-1', counts: [{ day: '2026-11-30', messenger: 'telegram', event: 'opened', n: 4 }], visits: [{ day: '2026-11-30', target: 'max', n: 2 }] }]);
    expect(cells(older, newer)).toEqual({
      batches: 2,
      counts: [{ districtId: 2, orgId: 'school-1', day: '2026-11-30', messenger: 'telegram', event: 'opened', n: 7 }],
      visits: [{ districtId: 2, orgId: 'school-1', day: '2026-11-30', target: 'max', n: 3 }],
    });
  });

  it('refuses a code it does not know instead of folding a wrong cell', () => {
    const fromNewerVersion = { batches: 1, entries: '[[2,"school-1",[20787,99,0,4],[]]]' };
    expect(() => cells(fromNewerVersion)).toThrow('code 99, unknown to this collector');
  });
});
