// A small PNG decoder (8-bit RGB/RGBA, non-interlaced: what Chromium's screenshots are) to compare
// screenshots pixel by pixel without another dependency.
import { inflateSync } from 'node:zlib';

export interface Image {
  width: number;
  height: number;
  channels: number;
  data: Uint8Array;
}

export function decodePng(png: Buffer): Image {
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 4;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const chunk = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = chunk.readUInt32BE(0);
      height = chunk.readUInt32BE(4);
      if (chunk[8] !== 8 || chunk[12] !== 0) throw new Error('only 8-bit, non-interlaced PNGs');
      channels = chunk[9] === 6 ? 4 : chunk[9] === 2 ? 3 : 0;
      if (!channels) throw new Error('only RGB and RGBA PNGs');
    } else if (type === 'IDAT') idat.push(chunk);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const data = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? data[y * stride + x - channels]! : 0;
      const up = y > 0 ? data[(y - 1) * stride + x]! : 0;
      const upLeft = y > 0 && x >= channels ? data[(y - 1) * stride + x - channels]! : 0;
      const paeth = () => {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      };
      const predictor = [0, left, up, (left + up) >> 1, filter === 4 ? paeth() : 0][filter]!;
      data[y * stride + x] = (line[x]! + predictor) & 255;
    }
  }
  return { width, height, channels, data };
}

/** Pixels that differ by more than `tolerance` in any channel (anti-aliasing stays under it). */
export function differingPixels(a: Image, b: Image, tolerance: number): number {
  if (a.width !== b.width || a.height !== b.height) return Number.POSITIVE_INFINITY;
  let count = 0;
  for (let i = 0; i < a.data.length; i += a.channels) {
    for (let c = 0; c < Math.min(3, a.channels); c++) {
      if (Math.abs(a.data[i + c]! - b.data[i + c]!) > tolerance) {
        count++;
        break;
      }
    }
  }
  return count;
}
