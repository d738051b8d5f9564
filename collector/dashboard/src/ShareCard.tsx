import type { Share } from '../../server/dashboard/api-types';
import { countOf, plural } from '../../../i18n/typography';
import { formatNumber, formatShare } from './labels';

const TRANSITIONS = { one: 'переход', few: 'перехода', many: 'переходов' };
const SHOWN = { one: 'показанной подсказки', few: 'показанных подсказок', many: 'показанных подсказок' };

/** The week's headline: how often a nudge led a teacher to Sferum. */
export function ShareCard({ share }: { share: Share }) {
  return (
    <section class="card share" aria-labelledby="share-title">
      <p class="big" data-testid="share">{formatShare(share.ratio)}</p>
      <div>
        <h2 id="share-title">Переходы в Сферум после подсказки</h2>
        <p class="muted">
        {share.ratio === null
          ? 'На этой неделе подсказка не показывалась.'
          : `${countOf('ru', share.alternativeOpened, TRANSITIONS)} из\u00a0${formatNumber(share.nudgeShown)} ${plural('ru', share.nudgeShown, SHOWN)}`}
        </p>
      </div>
    </section>
  );
}
