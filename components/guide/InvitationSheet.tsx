import { useEffect, useState } from 'preact/hooks';
import QRCode from 'qrcode';
import type { Translate } from '../../i18n';

export interface InvitationSheetProps {
  t: Translate;
  className: string;
  link: string;
  message: string;
}

/**
 * The A4 invitation for a parents' meeting: the class, the message and a QR code of the link,
 * drawn here by the qrcode library (no network, nothing leaves the computer).
 */
export function InvitationSheet({ t, className, link, message }: InvitationSheetProps) {
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }).then((svg) => {
      if (current) setQr(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => {
      current = false;
    };
  }, [link]);
  return (
    <article class="sheet" aria-labelledby="sheet-title">
      <h2 id="sheet-title">{t('guide_message_sheetTitle', [className])}</h2>
      <p class="sheet-message">{message}</p>
      <p>{t('guide_message_sheetScan')}</p>
      {qr && <img class="qr" src={qr} alt={t('guide_message_qrAlt')} width={280} height={280} />}
      <p class="sheet-link">{link}</p>
    </article>
  );
}
