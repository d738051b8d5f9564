/**
 * One batch as the report log keeps it until a fold: `[districtId, orgId, counts, visits]`, with
 * `counts` a flat list `day, messenger, event, n, …` and `visits` `day, target, n, …`; a day is its
 * number of days since 1970-01-01, a name its place in the lists below. A 10-row batch takes some
 * 140 bytes instead of 720 as objects: on PostgreSQL a log row of up to some 14 batches then stays
 * under the 2 KB from which it is compressed (TOAST), and both engines write and parse a fifth of the text.
 * The lists are stored data: append new names, never reorder or remove one.
 * Plain JavaScript, so the fold threads run it without a loader.
 */
const MESSENGERS = ['discord', 'teams', 'skype', 'snapchat', 'telegram', 'threema', 'viber', 'whatsapp', 'wechat'];
const EVENTS = ['opened', 'nudge_shown', 'alternative_opened', 'personal_use', 'dismissed', 'proceeded', 'blocked'];
const TARGETS = ['sferum', 'max', 'vk_messenger', 'district'];
export const LOG_CODES = { messengers: MESSENGERS, events: EVENTS, targets: TARGETS };

const codeOf = (names) => new Map(names.map((name, code) => [name, code]));
const messengerCodes = codeOf(MESSENGERS);
const eventCodes = codeOf(EVENTS);
const targetCodes = codeOf(TARGETS);

const DAY_MS = 86_400_000;
/** Both directions, filled as days are met (a few new ones a day). */
const dayNumbers = new Map();
const dayNames = new Map();

function dayNumber(day) {
  let number = dayNumbers.get(day);
  if (number === undefined) {
    number = Date.parse(`${day}T00:00:00Z`) / DAY_MS;
    if (!Number.isInteger(number)) throw new Error(`not a calendar day: ${day}`);
    dayNumbers.set(day, number);
  }
  return number;
}

function dayName(number) {
  let day = dayNames.get(number);
  if (day === undefined) {
    day = new Date(number * DAY_MS).toISOString().slice(0, 10);
    dayNames.set(number, day);
  }
  return day;
}

function code(codes, name) {
  const found = codes.get(name);
  if (found === undefined) throw new Error(`the report log has no code for "${name}"`);
  return found;
}

function name(names, found) {
  const named = names[found];
  if (named === undefined) throw new Error(`a report-log entry holds code ${found}, unknown to this collector (written by a newer version?)`);
  return named;
}

/** A validated batch (its day strings real calendar days) as its log entry's JSON text. */
export function encodeLogEntry({ districtId, orgId, counts, visits = [] }) {
  let countList = '';
  for (const row of counts) {
    countList += `${countList ? ',' : ''}${dayNumber(row.day)},${code(messengerCodes, row.messenger)},${code(eventCodes, row.event)},${row.n}`;
  }
  let visitList = '';
  for (const row of visits) visitList += `${visitList ? ',' : ''}${dayNumber(row.day)},${code(targetCodes, row.target)},${row.n}`;
  return `[${districtId},${JSON.stringify(orgId)},[${countList}],[${visitList}]]`;
}

/** Calls `onCount` and `onVisit` for each row of a parsed entry (this format's array). */
export function readLogEntry([districtId, orgId, counts, visits], onCount, onVisit) {
  for (let i = 0; i < counts.length; i += 4) {
    onCount(districtId, orgId, dayName(counts[i]), name(MESSENGERS, counts[i + 1]), name(EVENTS, counts[i + 2]), counts[i + 3]);
  }
  for (let i = 0; i < visits.length; i += 3) onVisit(districtId, orgId, dayName(visits[i]), name(TARGETS, visits[i + 1]), visits[i + 2]);
}
