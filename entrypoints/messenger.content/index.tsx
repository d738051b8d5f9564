import { defineContentScript } from 'wxt/utils/define-content-script';
import { contentScriptMatches } from '../../rules';
import { runNudge } from './nudge';

export default defineContentScript({
  matches: contentScriptMatches(),
  // Start early so the background's answer arrives while the page is still parsing.
  runAt: 'document_start',
  main(ctx) {
    runNudge(ctx);
  },
});
