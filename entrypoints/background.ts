import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleRuntimeMessage } from '../background/message-handler';
import { followPolicy } from '../background/policy-followers';
import { startReporting } from '../background/reporting';

export default defineBackground(() => {
  const reporting = startReporting();
  browser.runtime.onMessage.addListener((message, sender) => handleRuntimeMessage(message, sender) ?? reporting.handleMessage(message, sender));
  followPolicy();
});
