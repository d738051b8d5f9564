import type { EventName } from '../../protocol/events';
import type { MessengerId } from '../../protocol/messengers';
import type { CountsTable } from '../storage/schema';

/**
 * Realistic sample counts for a demo district: schools of different sizes, mostly Telegram and
 * WhatsApp on school days, fewer opens and more moves to Sferum week by week, and some small
 * schools whose weekly cells fall under 5. Deterministic (seeded), so screenshots stay stable.
 */
export interface DemoOptions {
  districtId: number;
  /** The last day with counts, 'YYYY-MM-DD'. */
  today: string;
  schools?: number;
  weeks?: number;
  seed?: number;
}

const MESSENGER_WEIGHTS: [MessengerId, number][] = [
  ['telegram', 1],
  ['whatsapp', 0.8],
  ['discord', 0.25],
  ['teams', 0.15],
  ['viber', 0.12],
  ['skype', 0.05],
  ['wechat', 0.02],
];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A count around `mean`, never negative, rounded. */
const around = (next: () => number, mean: number) => Math.max(0, Math.round(mean * (0.6 + 0.8 * next())));

export function demoCountRows({ districtId, today, schools = 24, weeks = 12, seed = 47 }: DemoOptions): CountsTable[] {
  const next = random(seed);
  const end = new Date(`${today}T00:00:00Z`);
  // From the Monday `weeks - 1` weeks before today's week, so every week shown is whole but the last.
  const days = ((end.getUTCDay() + 6) % 7) + 1 + (weeks - 1) * 7;
  const rows: CountsTable[] = [];
  const sizes = Array.from({ length: schools }, (_, i) => (i % 6 === 5 ? 0.08 : 0.4 + next() * 1.6));

  for (let school = 0; school < schools; school++) {
    const orgId = `school-${String(101 + school).padStart(4, '0')}`;
    for (let d = days - 1; d >= 0; d--) {
      const date = new Date(end.getTime() - d * 86_400_000);
      const weekday = date.getUTCDay();
      const schoolDay = weekday !== 0 && weekday !== 6;
      const progress = 1 - d / days; // 0 at the start, 1 today
      for (const [messenger, weight] of MESSENGER_WEIGHTS) {
        const opened = around(next, 9 * sizes[school]! * weight * (schoolDay ? 1 : 0.1) * (1 - 0.45 * progress));
        if (opened === 0) continue;
        const nudged = Math.round(opened * (0.85 + 0.1 * next()));
        const toSferum = Math.round(nudged * (0.12 + 0.3 * progress) * (0.7 + 0.6 * next()));
        const personal = Math.round((nudged - toSferum) * 0.2 * next());
        const counts: [EventName, number][] = [
          ['opened', opened],
          ['nudge_shown', nudged],
          ['alternative_opened', toSferum],
          ['personal_use', personal],
          ['dismissed', Math.max(0, nudged - toSferum - personal)],
        ];
        const day = date.toISOString().slice(0, 10);
        for (const [event, n] of counts) if (n > 0) rows.push({ district_id: districtId, org_id: orgId, day, messenger, event, n });
      }
    }
  }
  return rows;
}

const DEMO_PLACES = ['Заречная', 'Луговая', 'Центральная', 'Сосновская', 'Берёзовская', 'Озёрная'];

/** The demo district's directory: a Russian name for each school the demo counts come from. */
export function demoSchools(districtId: number, schools = 24): { districtId: number; orgId: string; name: string }[] {
  return Array.from({ length: schools }, (_, i) => ({
    districtId,
    orgId: `school-${String(101 + i).padStart(4, '0')}`,
    name: `МБОУ «${DEMO_PLACES[i % DEMO_PLACES.length]} СОШ №\u00a0${i + 1}»`,
  }));
}
