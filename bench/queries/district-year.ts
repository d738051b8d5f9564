import type { AlternativeTarget } from '../../protocol/alternatives';
import { EVENT_NAMES, type EventName } from '../../protocol/events';
import { MESSENGER_IDS, type MessengerId } from '../../protocol/messengers';
import type { AcceptedBatch } from '../../collector/storage/batch-sql';

/**
 * A generated district-year: `schools` schools × `days` days up to `lastDay`, every messenger and
 * every event present somewhere. Each school-day is one batch, as a school's computers would send.
 * Per school-day 1–4 messengers (Telegram and WhatsApp most often), each with opened and
 * nudge_shown and the other events now and then; visits to Sferum, MAX, VK Messenger; weekends quieter.
 */
export function* districtYear({ districtId, schools, days, lastDay, seed = 7 }: { districtId: number; schools: number; days: number; lastDay: string; seed?: number }): Generator<AcceptedBatch> {
  let state = seed;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  const weights: Record<MessengerId, number> = { telegram: 1, whatsapp: 0.8, discord: 0.25, teams: 0.2, viber: 0.15, skype: 0.08, wechat: 0.05, snapchat: 0.04, threema: 0.02 };
  const end = Date.parse(`${lastDay}T00:00:00Z`);
  let batchNumber = 0;
  for (let d = days - 1; d >= 0; d -= 1) {
    const date = new Date(end - d * 86_400_000);
    const day = date.toISOString().slice(0, 10);
    const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
    for (let school = 0; school < schools; school += 1) {
      if (weekend && random() < 0.7) continue;
      const counts: { day: string; messenger: MessengerId; event: EventName; n: number }[] = [];
      for (const messenger of MESSENGER_IDS) {
        if (random() > weights[messenger] * 0.6) continue;
        const opened = 1 + Math.floor(random() * 20);
        for (const event of EVENT_NAMES) {
          if (event !== 'opened' && event !== 'nudge_shown' && random() < 0.6) continue;
          counts.push({ day, messenger, event, n: event === 'opened' ? opened : 1 + Math.floor(random() * opened) });
        }
      }
      // Most school-days some teacher also opens Sferum or MAX.
      const visits: { day: string; target: AlternativeTarget; n: number }[] = [];
      for (const target of ['sferum', 'max', 'vk_messenger'] as const) if (random() < (target === 'vk_messenger' ? 0.15 : 0.6)) visits.push({ day, target, n: 1 + Math.floor(random() * 15) });
      if (counts.length === 0 && visits.length === 0) continue;
      batchNumber += 1;
      yield { districtId, batchId: `00000000-0000-4000-8000-${batchNumber.toString(16).padStart(12, '0')}`, orgId: `school-${String(school + 1).padStart(4, '0')}`, counts, visits };
    }
  }
}
