import type { Page } from '@playwright/test';
import jsQR from 'jsqr';

/**
 * Reads a QR code from a PNG screenshot: the browser decodes the PNG into pixels (a canvas), jsQR
 * reads the code from them here in the test.
 */
export async function decodeQr(page: Page, png: Buffer): Promise<string | null> {
  const { width, height, data } = await page.evaluate(async (base64) => {
    const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    return { width: bitmap.width, height: bitmap.height, data: Array.from(context.getImageData(0, 0, bitmap.width, bitmap.height).data) };
  }, png.toString('base64'));
  return jsQR(Uint8ClampedArray.from(data), width, height)?.data ?? null;
}
