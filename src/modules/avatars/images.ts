// The image pipeline (sharp): recognize an upload from its bytes, refuse what must not be decoded, and produce the
// main image and the thumbnail as WebP with every piece of metadata (EXIF, GPS, XMP) left behind.
//
// Animated GIFs and WebPs keep only their first frame. Keeping the animation is not cheap at 512 px: measured with
// sharp 0.35 on this project's 2-core machine, every frame costs 30-60 ms to resize and encode and adds 40-80 KB, so
// a 30-frame GIF would take 1-2 s of CPU and be served as a 1.5-2.5 MB avatar (a still is about 5-30 KB).
import sharp, { type Metadata, type Sharp, type SharpOptions } from 'sharp';
import { badInput } from '../../errors.js';

export const AVATAR_SIZES = { main: 512, thumb: 128 } as const;
export type AvatarSize = keyof typeof AVATAR_SIZES;

/** Formats accepted, as sharp names them, with the names people know them by. */
const ACCEPTED_FORMATS: ReadonlyMap<string, string> = new Map([
  ['jpeg', 'JPEG'],
  ['png', 'PNG'],
  ['gif', 'GIF'],
  ['webp', 'WebP'],
]);
const ACCEPTED_LIST = 'JPEG, PNG, GIF or WebP';

/**
 * Decoded pixels allowed for one upload: 40 megapixels is more than any phone photo and about 160 MB decoded, so a
 * small file declaring huge dimensions (a decompression bomb) is refused from its header alone.
 */
export const MAX_INPUT_PIXELS = 40_000_000;

const WEBP_OPTIONS = { quality: 82, effort: 4 } as const;

export interface ProcessedAvatar {
  main: Buffer;
  thumb: Buffer;
  /** What was uploaded, as read from its bytes (for an animation, the size of one frame). */
  source: { format: string; width: number; height: number; frames: number };
}

function unreadable(): Error {
  return badInput('file', `The file could not be read as an image; upload a ${ACCEPTED_LIST} image.`);
}

/**
 * Reads only the header: what the bytes are, never what the file name or the client's MIME type claim. The pixel
 * limit is checked here by us (with a clear message) and again by sharp while decoding.
 */
async function inspect(input: Buffer): Promise<Metadata> {
  try {
    return await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw unreadable();
  }
}

/**
 * Turns an uploaded image into the stored avatar: auto-rotated by its EXIF orientation, cropped to a square
 * (512 px main, 128 px thumbnail), WebP, the first frame of an animation. Throws BAD_USER_INPUT (field `file`) for
 * anything that is not an accepted image, too many pixels, or bytes that do not decode (truncated or corrupt).
 */
export async function processAvatarImage(input: Buffer): Promise<ProcessedAvatar> {
  const metadata = await inspect(input);
  const formatName = ACCEPTED_FORMATS.get(metadata.format);
  if (!formatName) {
    throw badInput('file', `Unsupported image type (${metadata.format.toUpperCase()}); upload a ${ACCEPTED_LIST} image.`);
  }
  // For an animation, height is one frame's and pages counts the frames; only the first frame is decoded.
  const { width, height } = metadata;
  const frames = metadata.pages ?? 1;
  if (!width || !height) throw unreadable();
  const framePixels = width * height;
  if (framePixels > MAX_INPUT_PIXELS) {
    throw badInput(
      'file',
      `The image is too large: ${width}×${height} pixels is more than the ${MAX_INPUT_PIXELS / 1_000_000} megapixel limit.`,
    );
  }

  const options: SharpOptions = {
    autoOrient: true,
    // Truncated and corrupt data abort; mere decoder warnings (common in camera JPEGs that every viewer shows) do not.
    failOn: 'error',
    limitInputPixels: MAX_INPUT_PIXELS,
  };
  const square = (image: Sharp, size: number) =>
    image.resize(size, size, { fit: 'cover', position: 'centre' }).webp(WEBP_OPTIONS).toBuffer();
  let main: Buffer;
  let thumb: Buffer;
  try {
    // sharp writes no metadata unless asked to (keepMetadata/withExif...), so EXIF and GPS stay behind.
    main = await square(sharp(input, options), AVATAR_SIZES.main);
    // The thumbnail comes from the main image: decoding 512 px is far cheaper than decoding the upload again.
    thumb = await square(sharp(main, { failOn: 'error' }), AVATAR_SIZES.thumb);
  } catch (cause) {
    const error = badInput('file', `The image could not be decoded (it may be truncated or corrupt); upload a complete ${ACCEPTED_LIST} image.`);
    error.cause = cause;
    throw error;
  }
  return { main, thumb, source: { format: formatName, width, height, frames } };
}
