import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { mountShadowUi, type ShadowUi } from '../nudge/mount-shadow-ui';
import { Interstitial, type InterstitialProps } from './Interstitial';
import { INTERSTITIAL_CSS } from './interstitial-styles';

export const INTERSTITIAL_ELEMENT = 'podskazka-interstitial';

/**
 * Mounts the interstitial on <html> as soon as the content script runs (document_start), so the
 * messenger is covered before it paints. Every choice removes it; `onProceed` etc. still run.
 */
export async function mountInterstitial(ctx: ContentScriptContext, props: InterstitialProps): Promise<ShadowUi> {
  let ui: ShadowUi | undefined;
  let open = true;
  // The messenger behind stays out of reach of the keyboard and screen readers until a choice.
  let bodyWasInert = false;
  const holdPage = () => {
    if (!open || !document.body) return;
    bodyWasInert = document.body.inert;
    document.body.inert = true;
  };
  if (document.body) holdPage();
  else document.addEventListener('DOMContentLoaded', holdPage, { once: true });
  const closing = (action: () => void) => () => {
    open = false;
    if (document.body) document.body.inert = bodyWasInert;
    action();
    ui?.remove();
  };
  ui = await mountShadowUi(ctx, {
    name: INTERSTITIAL_ELEMENT,
    parent: document.documentElement,
    append: 'last',
    css: INTERSTITIAL_CSS,
    view: <Interstitial {...props} onPersonalUse={closing(props.onPersonalUse)} onProceed={closing(props.onProceed)} />,
  });
  return ui;
}
