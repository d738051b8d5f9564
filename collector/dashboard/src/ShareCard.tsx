import type { Share } from '../../server/dashboard/api-types';
import { formatNumber, formatShare } from './labels';

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
          : `${formatNumber(share.alternativeOpened)} переходов из ${formatNumber(share.nudgeShown)} показанных подсказок`}
        </p>
      </div>
    </section>
  );
}
