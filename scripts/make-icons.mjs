#!/usr/bin/env node
/**
 * Writes the PlanAssure add-in icons to assets/: icon-<size>.png at every size the manifest's ribbon icons may
 * name (16, 20, 24, 32, 40, 48, 64 and 80 px: the mandatory 16, 32, 80 and the high-DPI 20, 24, 40, 48, 64), and
 * logo-filled.png (300 px).
 *
 * Design: a rounded GOV.UK-blue (#1d70b8) square with a white tick. Each pixel is sampled on a
 * 4 x 4 grid, so edges get simple anti-aliasing; corners outside the rounded square are transparent.
 *
 * Uses only node's built-in zlib (no image libraries), so it runs anywhere the repo does:
 *   node scripts/make-icons.mjs            # writes into <repo>/assets
 *   node scripts/make-icons.mjs some/dir   # writes into some/dir
 * Output is deterministic: re-running it gives byte-identical files.
 */
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = resolve(process.argv[2] ?? join(repoRoot, 'assets'));

const BLUE = [0x1d, 0x70, 0xb8];
const WHITE = [0xff, 0xff, 0xff];
const SUBSAMPLES = 4;

/** Outputs: file name → pixel size. */
const RIBBON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80];
const ICONS = [...RIBBON_SIZES.map((size) => [`icon-${size}.png`, size]), ['logo-filled.png', 300]];

// ---------------------------------------------------------------------------------------------
// Geometry, in unit coordinates (0..1, y downwards).

const CORNER_RADIUS = 0.2;
/** The tick: two strokes with round caps. */
const TICK = [
  [0.25, 0.52],
  [0.43, 0.7],
  [0.77, 0.32],
];

function insideRoundedSquare(x, y) {
  const r = CORNER_RADIUS;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  const dx = x - cx;
  const dy = y - cy;
  return x >= 0 && x <= 1 && y >= 0 && y <= 1 && dx * dx + dy * dy <= r * r;
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)));
  const dx = px - (ax + t * vx);
  const dy = py - (ay + t * vy);
  return Math.sqrt(dx * dx + dy * dy);
}

function insideTick(x, y, halfWidth) {
  for (let i = 0; i + 1 < TICK.length; i++) {
    if (distanceToSegment(x, y, TICK[i], TICK[i + 1]) <= halfWidth) return true;
  }
  return false;
}

/** RGBA pixels (row-major) for a size x size icon. */
function render(size) {
  // Keep the tick at least ~2 px wide at 16 px so it stays legible.
  const halfWidth = Math.max(0.06, 1.1 / size);
  const pixels = Buffer.alloc(size * size * 4);
  const n = SUBSAMPLES * SUBSAMPLES;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let tick = 0;
      for (let sy = 0; sy < SUBSAMPLES; sy++) {
        for (let sx = 0; sx < SUBSAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SUBSAMPLES) / size;
          const y = (py + (sy + 0.5) / SUBSAMPLES) / size;
          if (!insideRoundedSquare(x, y)) continue;
          if (insideTick(x, y, halfWidth)) tick++;
          else bg++;
        }
      }
      const covered = bg + tick;
      const o = (py * size + px) * 4;
      if (covered === 0) continue; // fully transparent (already zero)
      for (let c = 0; c < 3; c++) {
        pixels[o + c] = Math.round((BLUE[c] * bg + WHITE[c] * tick) / covered);
      }
      pixels[o + 3] = Math.round((255 * covered) / n);
    }
  }
  return pixels;
}

// ---------------------------------------------------------------------------------------------
// Minimal PNG encoder: 8-bit RGBA, no interlace, filter 0 on every row.

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------------------------

mkdirSync(outDir, { recursive: true });
for (const [name, size] of ICONS) {
  const png = encodePng(size, size, render(size));
  writeFileSync(join(outDir, name), png);
  console.log(`${join(outDir, name)}  ${size}x${size}  ${png.length} bytes`);
}
