/**
 * A preview of a DICOM image when it is cheap and safe to draw: one frame of
 * uncompressed little-endian grayscale (8 or 16 bits), windowed by the file's
 * own window centre/width or else by its value range. Anything else
 * (compressed, colour, multi-frame beyond the first) gets no preview: the
 * radiology viewer is the place for it, and a wrong picture is worse than none.
 */
import dicomParser, { type DataSet } from 'dicom-parser';

const UNCOMPRESSED_LITTLE_ENDIAN = new Set(['1.2.840.10008.1.2', '1.2.840.10008.1.2.1']);
/** Large enough to read, small enough never to stall the page. */
const MAX_PIXELS = 4096 * 4096;

export interface GrayImage {
  width: number;
  height: number;
  /** One byte per pixel, 0 = black. */
  gray: Uint8ClampedArray;
}

export function dicomPreview(bytes: Uint8Array): GrayImage | null {
  let data: DataSet;
  try {
    data = dicomParser.parseDicom(bytes);
  } catch {
    return null;
  }
  const syntax = data.string('x00020010')?.replace(/\0/g, '').trim() ?? '';
  const width = data.uint16('x00280011') ?? 0;
  const height = data.uint16('x00280010') ?? 0;
  const bits = data.uint16('x00280100') ?? 0;
  const photometric = data.string('x00280004')?.trim() ?? '';
  const pixelElement = data.elements.x7fe00010;
  if (!UNCOMPRESSED_LITTLE_ENDIAN.has(syntax) || (data.uint16('x00280002') ?? 1) !== 1) return null;
  if (!['MONOCHROME1', 'MONOCHROME2'].includes(photometric) || (bits !== 8 && bits !== 16)) return null;
  const count = width * height;
  if (!pixelElement || count === 0 || count > MAX_PIXELS || pixelElement.length < count * (bits / 8)) return null;

  const signed = data.uint16('x00280103') === 1;
  const slope = data.floatString('x00281053') ?? 1;
  const intercept = data.floatString('x00281052') ?? 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset + pixelElement.dataOffset, count * (bits / 8));
  const values = new Float64Array(count);
  for (let i = 0; i < count; i += 1) {
    const raw = bits === 8 ? view.getUint8(i) : signed ? view.getInt16(i * 2, true) : view.getUint16(i * 2, true);
    values[i] = raw * slope + intercept;
  }
  let low = Infinity;
  let high = -Infinity;
  const center = data.floatString('x00281050');
  const windowWidth = data.floatString('x00281051');
  if (center !== undefined && windowWidth !== undefined && windowWidth > 0) {
    low = center - windowWidth / 2;
    high = center + windowWidth / 2;
  } else {
    for (const value of values) {
      if (value < low) low = value;
      if (value > high) high = value;
    }
  }
  const span = high > low ? high - low : 1;
  const gray = new Uint8ClampedArray(count);
  const invert = photometric === 'MONOCHROME1';
  for (let i = 0; i < count; i += 1) {
    const level = (((values[i] ?? 0) - low) / span) * 255;
    gray[i] = invert ? 255 - level : level;
  }
  return { width, height, gray };
}

/** The image as a PNG data URL (the page's content policy allows data: images, not blob: ones). */
export function grayImageUrl(image: GrayImage): string {
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext('2d');
  if (!context) return '';
  const rgba = context.createImageData(image.width, image.height);
  image.gray.forEach((level, i) => {
    rgba.data.set([level, level, level, 255], i * 4);
  });
  context.putImageData(rgba, 0, 0);
  return canvas.toDataURL('image/png');
}
