/**
 * The nudge's styles, injected into its shadow root (no CSS file to fetch, so it shows sooner).
 * Sizes in px/em, not rem: rem would follow the page's own root font size.
 */
export const BANNER_CSS = `
.nudge {
  position: fixed; top: 0; left: 0; right: 0; z-index: 2147483647;
  box-sizing: border-box; max-height: 50vh; overflow-y: auto;
  display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px;
  padding: 10px 56px 10px 16px;
  background: #eef5ff; color: #16202e; border-bottom: 2px solid #7aa7e0;
  box-shadow: 0 2px 8px rgba(0, 0, 0, 0.15);
  font: 16px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  text-align: left;
}
.rule { margin: 0; flex: 1 1 28em; min-width: 0; }
.actions { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px; }
a, button { font: inherit; cursor: pointer; border-radius: 6px; }
.primary {
  display: inline-block; padding: 6px 14px; background: #0b5cc2; color: #fff;
  border: 2px solid #0b5cc2; text-decoration: none; font-weight: 600;
}
.primary:hover { background: #084a9e; }
.link { padding: 6px 4px; background: none; border: 2px solid transparent; color: #0b4ea8; text-decoration: underline; }
.secondary { padding: 6px 12px; background: #fff; color: #16202e; border: 2px solid #7aa7e0; }
.close {
  position: absolute; top: 6px; right: 8px; width: 40px; height: 40px;
  display: flex; align-items: center; justify-content: center;
  background: none; border: 2px solid transparent; color: #16202e; font-size: 26px; line-height: 1;
}
.close:hover { background: #dbe8fb; }
a:focus-visible, button:focus-visible { outline: 3px solid #16202e; outline-offset: 2px; }
@media (forced-colors: active) { .nudge { border-bottom: 2px solid CanvasText; } }
`;
