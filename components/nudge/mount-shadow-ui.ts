import { createIsolatedElement } from '@webext-core/isolated-element';
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
}

/**
 * Renders a Preact view in a shadow root, so the page's CSS and key handlers cannot reach it; the
 * banner and the interstitial both mount this way. It is what WXT's createShadowRootUi does, on the
 * same isolated element, without the anchor lookup, positioning and auto-mount these two views
 * never use — those and their dependencies were 2.3 KiB (gzip) of the script on every messenger page.
 */
export async function mountShadowUi(ctx: ContentScriptContext, { name, parent, append, css, view }: ShadowUiOptions): Promise<ShadowUi> {
  const { parentElement: host, isolatedElement: container } = await createIsolatedElement({
    name,
    mode: 'open',
    // WXT's reset: nothing of the page's styles is inherited into the shadow root.
    css: { textContent: `:host { all: initial !important; }\n${css}` },
    isolateEvents: true,
  });
  if (append === 'first') parent.prepend(host);
  else parent.append(host);
  render(view, container);
  const remove = () => {
    render(null, container);
    host.remove();
  };
  // Gone with the extension (reloaded, updated or removed), as WXT's UIs are.
  ctx.onInvalidated(remove);
  return { remove };
}
