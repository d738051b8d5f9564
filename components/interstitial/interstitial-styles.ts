/** Inside the shadow root: the page's own CSS cannot reach it, and it covers the whole page. */
export const INTERSTITIAL_CSS = `
:host { all: initial; }
.page {
  position: fixed; inset: 0; z-index: 2147483647;
  display: flex; align-items: center; justify-content: center;
  background: #f4f6fa; color: #1b1f24;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  overflow: auto;
}
.card {
  max-width: 560px; margin: 24px; padding: 32px;
  background: #fff; border-radius: 16px; box-shadow: 0 8px 32px rgba(0, 0, 0, 0.12);
}
h1 { margin: 0 0 12px; font-size: 24px; line-height: 1.3; }
.rule { margin: 0 0 24px; white-space: pre-line; }
.actions { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 16px; }
.primary, .secondary {
  display: inline-block; padding: 10px 18px; border-radius: 10px; font: inherit; cursor: pointer;
  text-decoration: none; border: 1px solid transparent;
}
.primary { background: #0077ff; color: #fff; }
.secondary { background: #fff; color: #1b1f24; border-color: #c5cbd3; }
.link { background: none; border: none; padding: 0; color: #0058bd; text-decoration: underline; font: inherit; cursor: pointer; }
.primary:focus-visible, .secondary:focus-visible, .link:focus-visible { outline: 3px solid #ffb000; outline-offset: 2px; }
`;
