// Test images made with sharp (and one PNG written by hand): every accepted format, animations, a photo with EXIF
// orientation and GPS, and the broken or hostile files an avatar upload must refuse.
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

export type Format = 'jpeg' | 'png' | 'gif' | 'webp' | 'tiff';

/** A smooth colour gradient: compresses like a photo rather than like noise, so files stay small. */
export function gradientPixels(width: number, height: number): Buffer {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 3;
      pixels[i] = Math.round((x / width) * 255);
      pixels[i + 1] = Math.round((y / height) * 255);
      pixels[i + 2] = 128 + Math.round(60 * Math.sin((x + y) / 40));
    }
  }
  return pixels;
}

export async function image(format: Format, width = 800, height = 600): Promise<Buffer> {
  return sharp(gradientPixels(width, height), { raw: { width, height, channels: 3 } })
    .toFormat(format)
    .toBuffer();
}

/** The colour of frame `i` of {@link animation}. */
export function frameColour(i: number): [number, number, number] {
  return [(80 * i) % 256, 200 - 50 * i, 40 + 60 * i];
}

/** An animation of `frames` frames, each a different flat colour. */
export async function animation(format: 'gif' | 'webp', frames = 3, width = 300, height = 200): Promise<Buffer> {
  const pages = Array.from({ length: frames }, (_, i) => {
    const page = Buffer.alloc(width * height * 3);
    for (let p = 0; p < page.length; p += 3) page.set(frameColour(i), p);
    return page;
  });
  return sharp(Buffer.concat(pages), { raw: { width, height: height * frames, channels: 3, pageHeight: height } })
    .toFormat(format, { delay: Array(frames).fill(100), loop: 0 })
    .toBuffer();
}

/**
 * A 600×400 JPEG whose left third is red and the rest blue, with EXIF orientation 6 (shown turned 90° clockwise:
 * red on top), a GPS position in its EXIF and a Display P3 colour profile.
 */
export async function photoWithExif(): Promise<Buffer> {
  const width = 600;
  const height = 400;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) pixels.set(x < 200 ? [220, 20, 20] : [20, 20, 220], (y * width + x) * 3);
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withIccProfile('p3')
    .withExif({
      IFD0: { Make: 'TestCam', Model: 'GPS Leaker 3000' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '13/1 45/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '100/1 30/1 0/1' },
    })
    .toBuffer();
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A valid black-and-white PNG of width×height pixels that is only a few kilobytes long: a decompression bomb when
 * the dimensions are large (10000×10000 is 100 megapixels, hundreds of MB once decoded).
 */
export function bilevelPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  // Each row: filter byte 0, then width bits of zeros (black).
  const rows = Buffer.alloc((Math.ceil(width / 8) + 1) * height);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The RGB value of one pixel of an encoded image. */
export async function pixelAt(encoded: Buffer, x: number, y: number): Promise<[number, number, number]> {
  const data = await sharp(encoded).extract({ left: x, top: y, width: 1, height: 1 }).removeAlpha().raw().toBuffer();
  return [data[0]!, data[1]!, data[2]!];
}
