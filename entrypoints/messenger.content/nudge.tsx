import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Banner } from '../../components/nudge/Banner';
import { BANNER_CSS } from '../../components/nudge/banner-styles';
import { mountShadowUi, type ShadowUi } from '../../components/nudge/mount-shadow-ui';
import type { NudgeChoices } from '../../components/nudge/choices';
import { whenOnScreen } from '../../components/nudge/on-screen';
import { createVisitTracker } from '../../components/nudge/visit-tracker';
import { Decision } from '../../messages/decision';
import { NudgeEventAnswer, type ContentMessage, type NudgeEventName } from '../../messages/schemas';
import { mountInterstitial } from '../../components/interstitial/mount-interstitial';
import type { MessengerId } from '../../protocol/messengers';
import type { Classification } from '../../rules';
import { classifyPage } from '../../settings/page-rules';
import { watchRoutes } from './route-watch';

export const NUDGE_ELEMENT = 'podskazka-nudge';

/** The background parses every message with ContentMessage; here the type keeps them in shape. */
async function send(message: ContentMessage): Promise<unknown> {
  try {
    return await browser.runtime.sendMessage(message);
  } catch {
    return undefined; // the extension was reloaded or the worker is gone: stay quiet
  }
}

function domReady(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

/** Classifies the page, reports the visit, shows what the background decides; again on each new surface. */
export function runNudge(ctx: ContentScriptContext): void {
  const tracker = createVisitTracker();
  let ui: ShadowUi | undefined;

  const report = (messenger: MessengerId, event: NudgeEventName) => void send({ type: 'nudge_event', messenger, event });
  const close = () => {
    ui?.remove();
    ui = undefined;
  };
  const choices = (messenger: MessengerId): NudgeChoices => ({
    onAlternative: () => void send({ type: 'open_alternative', messenger }),
    onHowToMove: () => void send({ type: 'open_guide' }),
    onPersonalUse: () => {
      report(messenger, 'personal_use');
      close();
    },
  });

  async function showBanner({ messenger }: Classification, decision: Decision) {
    await domReady();
    if (ui || ctx.isInvalid) return;
    const onClose = () => {
      report(messenger, 'dismissed');
      close();
    };
    const onPersonalUse = async () => {
      const answer = NudgeEventAnswer.safeParse(await send({ type: 'nudge_event', messenger, event: 'personal_use' }));
      return answer.success ? answer.data.quiet : undefined;
    };
    ui = await mountShadowUi(ctx, {
      name: NUDGE_ELEMENT,
      parent: document.body,
      append: 'first',
      css: BANNER_CSS,
      view: (
        <Banner
          {...choices(messenger)}
          onPersonalUse={onPersonalUse}
          onParentsMessage={() => void send({ type: 'open_guide', section: 'message' })}
          texts={decision.texts}
          locale={decision.locale}
          alternative={decision.alternative}
          message={decision.message}
          onClose={onClose}
          onDone={close}
        />
      ),
    });
    whenOnScreen(ctx, ui.view, () => report(messenger, 'nudge_shown'));
  }

  async function showInterstitial({ messenger }: Classification, decision: Decision) {
    if (ui || ctx.isInvalid || !decision.interstitial) return;
    const onProceed = () => {
      report(messenger, 'proceeded');
      close();
    };
    ui = await mountInterstitial(ctx, {
      ...choices(messenger),
      texts: decision.interstitial,
      locale: decision.locale,
      alternative: decision.alternative,
      message: decision.message,
      onProceed,
    });
    whenOnScreen(ctx, ui.view, () => report(messenger, 'nudge_shown'));
  }

  async function visitCurrentUrl() {
    const visit = await classifyPage(location.href);
    if (!tracker.isNewVisit(visit)) return;
    const parsed = Decision.safeParse(await send({ type: 'visit', messenger: visit.messenger, surface: visit.surface }));
    if (!parsed.success || ctx.isInvalid) return;
    if (parsed.data.presentation === 'banner') await showBanner(visit, parsed.data);
    if (parsed.data.presentation === 'interstitial') await showInterstitial(visit, parsed.data);
  }

  void visitCurrentUrl();
  watchRoutes(ctx, () => void visitCurrentUrl());
}
