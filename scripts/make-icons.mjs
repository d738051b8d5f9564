// Draws the extension icon (a white speech bubble on a blue rounded square) as PNGs into
// public/icon/. Run once: node scripts/make-icons.mjs. No image library: a tiny rasteriser.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [11, 92, 194];
const WHITE = [255, 255, 255];

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const inRoundedRect = (x, y, left, top, right, bottom, radius) => {
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return x >= left && x <= right && y >= top && y <= bottom && (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
};
const inTriangle = (x, y, [ax, ay], [bx, by], [cx, cy]) => {
  const side = (px, py, qx, qy) => (x - qx) * (py - qy) - (px - qx) * (y - qy);
  const d1 = side(ax, ay, bx, by), d2 = side(bx, by, cx, cy), d3 = side(cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
};

/** Colour at a point of the unit square, or null for transparent. */
function shade(x, y) {
  if (!inRoundedRect(x, y, 0, 0, 1, 1, 0.2)) return null;
  const dot = [0.34, 0.5, 0.66].some((cx) => (x - cx) ** 2 + (y - 0.45) ** 2 <= 0.055 ** 2);
  const bubble = inRoundedRect(x, y, 0.16, 0.22, 0.84, 0.68, 0.14) || inTriangle(x, y, [0.3, 0.6], [0.48, 0.66], [0.26, 0.84]);
  return bubble && !dot ? WHITE : BLUE;
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 128]) {
  const samples = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < samples; sy++)
        for (let sx = 0; sx < samples; sx++) {
          const colour = shade((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!colour) continue;
          r += colour[0]; g += colour[1]; b += colour[2]; a += 1;
        }
      const at = (py * size + px) * 4;
      if (a > 0) [rgba[at], rgba[at + 1], rgba[at + 2]] = [r / a, g / a, b / a];
      rgba[at + 3] = Math.round((a / samples ** 2) * 255);
    }
  writeFileSync(`public/icon/${size}.png`, png(size, rgba));
}
console.log('public/icon/{16,32,48,128}.png written');
