import type { ContentScriptContext } from 'wxt/utils/content-script-context';

interface NavigationLike {
  addEventListener(type: 'currententrychange', listener: () => void, options?: { signal?: AbortSignal }): void;
}

/**
 * Calls back after a same-document route change (pushState, replaceState, back/forward).
 * `currententrychange` fires only once a same-document navigation has committed, never for a
 * page that is about to be replaced (that page's own content script counts it).
 */
export function watchRoutes(ctx: ContentScriptContext, onRoute: () => void): void {
  const navigation = (globalThis as { navigation?: NavigationLike }).navigation;
  if (navigation && typeof navigation.addEventListener === 'function') {
    navigation.addEventListener('currententrychange', onRoute, { signal: ctx.signal });
    return;
  }
  let last = location.href;
  ctx.setInterval(() => {
    if (location.href === last) return;
    last = location.href;
    onRoute();
  }, 1000);
}
