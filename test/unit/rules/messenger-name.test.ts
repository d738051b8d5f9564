import { describe, expect, it } from 'vitest';
import { MESSENGER_IDS } from '../../../protocol/messengers';
import { messengerName } from '../../../rules';

describe('messengerName', () => {
  it('names each messenger as its own service writes it', () => {
    expect(MESSENGER_IDS.map(messengerName)).toEqual(['Discord', 'Microsoft Teams', 'Skype', 'Snapchat', 'Telegram', 'Threema', 'Viber', 'WhatsApp', 'WeChat']);
  });

  it('gives an id the catalogue lacks back unchanged', () => {
    expect(messengerName('icq')).toBe('icq');
  });
});
