import type { EventName } from '../../../protocol/events';

/** Russian column titles, the same on screen and in the CSV. */
export const EVENT_TITLES: Record<EventName, string> = {
  opened: 'Открыто',
  nudge_shown: 'Подсказка показана',
  alternative_opened: 'Переход в Сферум',
  personal_use: 'Личная переписка',
  dismissed: 'Подсказка закрыта',
  proceeded: 'Продолжили',
  blocked: 'Заблокировано',
};
