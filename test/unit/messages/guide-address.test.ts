import { describe, expect, it } from 'vitest';
import { guideReason } from '../../../messages/guide-address';

describe('guideReason', () => {
  it('reads what the background put in the guide address', () => {
    expect(guideReason('?messenger=whatsapp&reason=blocked')).toEqual({ messenger: 'whatsapp', reason: 'blocked' });
    expect(guideReason('?messenger=telegram&reason=unreachable&lang=en')).toEqual({ messenger: 'telegram', reason: 'unreachable' });
  });

  it('shows nothing for an opened-by-hand guide or a made-up address', () => {
    expect(guideReason('')).toBeNull();
    expect(guideReason('?lang=en')).toBeNull();
    expect(guideReason('?messenger=icq&reason=blocked')).toBeNull();
    expect(guideReason('?messenger=telegram&reason=<script>')).toBeNull();
  });
});
