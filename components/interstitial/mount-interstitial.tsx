import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Interstitial, type InterstitialProps } from './Interstitial';
import { INTERSTITIAL_CSS } from './interstitial-styles';

export const INTERSTITIAL_ELEMENT = 'podskazka-interstitial';

/**
 * Mounts the interstitial on <html> as soon as the content script runs (document_start), so the
 * messenger is covered before it paints. Every choice removes it; `onProceed` etc. still run.
 */
export async function mountInterstitial(ctx: ContentScriptContext, props: InterstitialProps): Promise<ShadowRootContentScriptUi<void>> {
  let ui: ShadowRootContentScriptUi<void> | undefined;
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
  ui = await createShadowRootUi(ctx, {
    name: INTERSTITIAL_ELEMENT,
    position: 'inline',
    anchor: () => document.documentElement,
    append: 'last',
    css: INTERSTITIAL_CSS,
    isolateEvents: true,
    onMount: (container) => {
      render(
        <Interstitial
          {...props}
          onPersonalUse={closing(props.onPersonalUse)}
          onProceed={closing(props.onProceed)}
        />,
        container,
      );
    },
    onRemove: () => {
      if (ui) render(null, ui.uiContainer);
    },
  });
  ui.mount();
  return ui;
}
