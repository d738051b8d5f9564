import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleRuntimeMessage } from '../background/message-handler';
import { followPolicy } from '../background/policy-followers';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message, sender) => handleRuntimeMessage(message, sender));
  followPolicy();
});
