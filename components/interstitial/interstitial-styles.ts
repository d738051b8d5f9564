import controlsCss from '../nudge/controls.css?inline';
import interstitialCss from './interstitial.css?inline';

/** The interstitial's styles, a string for its shadow root; the shared controls come first. */
export const INTERSTITIAL_CSS = controlsCss + interstitialCss;
