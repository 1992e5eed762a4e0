// How long the avatar pipeline (src/modules/avatars/images.ts) takes on typical and worst-case uploads.
// Run: npx tsx bench/avatars.ts [rounds] (or as the `avatars` part of `npm run bench`). Measures
// processAvatarImage alone (header check, decode, auto-orient, 512 px and 128 px WebP), in-process, one image at a
// time; prints the median and the slowest of the rounds.
import { cpus } from 'node:os';
import sharp from 'sharp';
import { processAvatarImage } from '../src/modules/avatars/images.js';
import { isMain, type PartOptions, type PartResult } from './support/part.js';
import { table } from './support/stats.js';

/** A photo-like image: smooth shapes plus sensor-like noise, so the decoder and encoder have real detail to chew on. */
async function photo(width: number, height: number, format: 'jpeg' | 'png' | 'webp'): Promise<Buffer> {
  const noise = await sharp({ create: { width, height, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 24 } } })
    .raw()
    .toBuffer();
  const shapes = `<svg width="${width}" height="${height}"><circle cx="${width / 2}" cy="${height / 2}" r="${height / 3}" fill="orange"/></svg>`;
  return sharp({ create: { width, height, channels: 3, background: { r: 90, g: 140, b: 200 } } })
    .composite([{ input: Buffer.from(shapes) }, { input: noise, raw: { width, height, channels: 3 }, blend: 'soft-light' }])
    .toFormat(format, format === 'jpeg' ? { quality: 90 } : {})
    .toBuffer();
}

async function animatedGif(frames: number, width: number, height: number): Promise<Buffer> {
  const pages = await Promise.all(
    Array.from({ length: frames }, (_, i) =>
      sharp({ create: { width, height, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 40 + i, sigma: 30 } } })
        .raw()
        .toBuffer(),
    ),
  );
  return sharp(Buffer.concat(pages), { raw: { width, height: height * frames, channels: 3, pageHeight: height } }).gif().toBuffer();
}

async function measure(label: string, input: Buffer, rounds: number): Promise<string[]> {
  const times: number[] = [];
  let result: Awaited<ReturnType<typeof processAvatarImage>> | undefined;
  for (let i = 0; i < rounds; i += 1) {
    const started = performance.now();
    result = await processAvatarImage(input);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const { source, main, thumb } = result!;
  return [
    label + (source.frames > 1 ? ` (first of ${source.frames} frames)` : ''),
    `${(input.length / 1024).toFixed(0)} KiB`,
    median.toFixed(0),
    times.at(-1)!.toFixed(0),
    `${(main.length / 1024).toFixed(1)} KiB`,
    `${(thumb.length / 1024).toFixed(1)} KiB`,
  ];
}

/** `small`: two little images, for the smoke run (making the big inputs takes most of a minute). */
export async function avatarTimings(rounds: number, small = false): Promise<string> {
  const rows = small
    ? [await measure('JPEG 640×480', await photo(640, 480, 'jpeg'), rounds), await measure('GIF 160×90, 3 frames', await animatedGif(3, 160, 90), rounds)]
    : [
        await measure('JPEG 4000×3000 (12 MP photo)', await photo(4000, 3000, 'jpeg'), rounds),
        await measure('JPEG 1600×1200', await photo(1600, 1200, 'jpeg'), rounds),
        await measure('PNG 2000×1500', await photo(2000, 1500, 'png'), rounds),
        await measure('WebP 2000×1500', await photo(2000, 1500, 'webp'), rounds),
        await measure('GIF 480×270, 60 frames', await animatedGif(60, 480, 270), rounds),
      ];
  return [
    `processAvatarImage, ${rounds} round${rounds === 1 ? '' : 's'} each, in the benchmark process; sharp ${sharp.versions.sharp} ` +
      `(libvips ${sharp.versions.vips}), sharp.concurrency ${sharp.concurrency()}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'})`,
    '',
    table(['upload', 'size', 'median ms', 'max ms', 'main WebP', 'thumb WebP'], rows),
  ].join('\n');
}

/** Not one of the five parts: reported, with no target. */
export async function benchAvatars({ smoke }: PartOptions): Promise<PartResult> {
  return { report: `## Avatar pipeline\n${await avatarTimings(smoke ? 1 : 7, smoke)}`, verdicts: [] };
}

if (isMain(import.meta)) console.log(await avatarTimings(Number(process.argv[2] ?? 7)));
