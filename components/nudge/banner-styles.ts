import bannerCss from './banner.css?inline';
import controlsCss from './controls.css?inline';

/** The nudge's styles, a string for its shadow root (no CSS file to fetch, so it shows sooner). */
export const BANNER_CSS = controlsCss + bannerCss;
