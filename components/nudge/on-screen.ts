import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * Calls `onShown` once, when the element is first really on screen: a page that removes or hides
 * the banner before it ever shows gets no `nudge_shown` counted for it.
 */
export function whenOnScreen(ctx: ContentScriptContext, element: Element | null, onShown: () => void): void {
  if (!element) return;
  const observer = new IntersectionObserver((entries) => {
    if (!element.isConnected || !entries.some((entry) => entry.isIntersecting)) return;
    observer.disconnect();
    onShown();
  });
  observer.observe(element);
  ctx.onInvalidated(() => observer.disconnect());
}
