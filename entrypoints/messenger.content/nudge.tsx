import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Banner } from '../../components/nudge/Banner';
import { BANNER_CSS } from '../../components/nudge/banner-styles';
import { createVisitTracker } from '../../components/nudge/visit-tracker';
import { Decision } from '../../messages/decision';
import type { ContentMessage, NudgeEventName } from '../../messages/schemas';
import { mountInterstitial } from '../../components/interstitial/mount-interstitial';
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
  let ui: ShadowRootContentScriptUi<void> | undefined;

  const report = (messenger: Classification['messenger'], event: NudgeEventName) => void send({ type: 'nudge_event', messenger, event });

  async function showBanner(visit: Classification, decision: Decision) {
    await domReady();
    if (ui || ctx.isInvalid) return;
    const close = () => {
      ui?.remove();
      ui = undefined;
    };
    ui = await createShadowRootUi(ctx, {
      name: NUDGE_ELEMENT,
      position: 'inline',
      anchor: 'body',
      append: 'first',
      css: BANNER_CSS,
      isolateEvents: true,
      onMount: (container) => {
        render(
          <Banner
            texts={decision.texts}
            locale={decision.locale}
            alternative={decision.alternative}
            message={decision.message}
            onAlternative={() => report(visit.messenger, 'alternative_opened')}
            onHowToMove={() => void send({ type: 'open_guide' })}
            onPersonalUse={() => {
              report(visit.messenger, 'personal_use');
              close();
            }}
            onClose={() => {
              report(visit.messenger, 'dismissed');
              close();
            }}
          />,
          container,
        );
      },
      onRemove: () => {
        if (ui) render(null, ui.uiContainer);
      },
    });
    ui.mount();
    report(visit.messenger, 'nudge_shown');
  }

  async function showInterstitial(visit: Classification, decision: Decision) {
    if (ui || ctx.isInvalid || !decision.interstitial) return;
    ui = await mountInterstitial(ctx, {
      texts: decision.interstitial,
      locale: decision.locale,
      alternative: decision.alternative,
      message: decision.message,
      onAlternative: () => report(visit.messenger, 'alternative_opened'),
      onHowToMove: () => void send({ type: 'open_guide' }),
      onPersonalUse: () => {
        report(visit.messenger, 'personal_use');
        ui = undefined;
      },
      onProceed: () => {
        report(visit.messenger, 'proceeded');
        ui = undefined;
      },
    });
    report(visit.messenger, 'nudge_shown');
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
