// The little PNG handling the lambang daerah needs: reading a file's pixel size (to keep its aspect
// ratio in the kop) and checking it is an image the renderers and Google Docs accept; and writing a
// plain RGBA image (the template's placeholder, test images) without an image library.
import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
/** Google Docs refuses images over 25 megapixels and 50 MB; a kop never needs more than this. */
export const MAX_PNG_BYTES = 5 * 1024 * 1024;
const MAX_PIXELS = 25_000_000;

export interface PngInfo {
  width: number;
  height: number;
}

/** The size of a PNG, or an error in Bahasa Indonesia saying why the bytes are not a usable PNG. */
export function readPng(bytes: Buffer): PngInfo {
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(SIGNATURE) || bytes.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('Berkas bukan gambar PNG');
  }
  if (bytes.length > MAX_PNG_BYTES) throw new Error(`Gambar PNG terlalu besar (${bytes.length} bita; paling besar ${MAX_PNG_BYTES} bita)`);
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width === 0 || height === 0 || width * height > MAX_PIXELS) throw new Error(`Ukuran gambar PNG tidak dapat dipakai: ${width} x ${height} piksel`);
  return { width, height };
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit RGBA PNG; `pixel(x, y)` gives [r, g, b, a]. Deterministic bytes for the same pixels. */
export function encodePng(width: number, height: number, pixel: (x: number, y: number) => readonly [number, number, number, number]): Buffer {
  const stride = width * 4 + 1;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], y * stride + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}
