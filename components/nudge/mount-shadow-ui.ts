import { render, type VNode } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export interface ShadowUiOptions {
  /** The custom element that hosts the shadow root (tests find the UI by it). */
  name: string;
  parent: Element;
  append: 'first' | 'last';
  css: string;
  view: VNode;
}

export interface ShadowUi {
  /** Unmounts the view and takes the host out of the page; again is harmless. */
  remove(): void;
  /** The view's first element (the banner's box), for checking it is on screen. */
  view: Element | null;
}

/**
 * Renders a Preact view in a closed shadow root: the page's CSS and key handlers do not reach it,
 * and its scripts cannot read or rewrite it (to them `host.shadowRoot` is null); the banner and
 * the interstitial both mount this way. It builds the element WXT's createShadowRootUi
 * builds (an <html> in a shadow root, key events stopped inside), without the anchor lookup,
 * positioning, auto-mount and name check those two views never use: they were 3 KiB (gzip) of the
 * script on every messenger page.
 */
export async function mountShadowUi(ctx: ContentScriptContext, { name, parent, append, css, view }: ShadowUiOptions): Promise<ShadowUi> {
  const host = document.createElement(name);
  const shadow = host.attachShadow({ mode: 'closed' });
  const html = document.createElement('html');
  const style = document.createElement('style');
  // WXT's reset: nothing of the page's styles is inherited into the shadow root.
  style.textContent = `:host { all: initial !important; }\n${css}`;
  const container = document.createElement('body');
  for (const type of ['keydown', 'keyup', 'keypress']) container.addEventListener(type, (event) => event.stopPropagation());
  html.append(style, container);
  shadow.append(html);
  if (append === 'first') parent.prepend(host);
  else parent.append(host);
  render(view, container);
  const remove = () => {
    render(null, container);
    host.remove();
  };
  // Gone with the extension (reloaded, updated or removed), as WXT's UIs are.
  ctx.onInvalidated(remove);
  return { remove, view: container.firstElementChild };
}
