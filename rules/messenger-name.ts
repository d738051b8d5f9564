import { CATALOGUE } from './catalogue';

/**
 * A messenger's display name from the catalogue, the same in every text and export.
 * @example messengerName('whatsapp') // 'WhatsApp'; an id the catalogue lacks comes back as it is
 */
export function messengerName(id: string): string {
  return CATALOGUE.find((entry) => entry.id === id)?.name ?? id;
}
