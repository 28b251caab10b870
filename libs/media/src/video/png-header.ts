/** What a PNG's IHDR chunk says: enough to tell whether two frames would decode to the same kind of picture. */
export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The header of a PNG, or undefined when the bytes are not one. */
export function readPngHeader(png: Buffer): PngHeader | undefined {
  if (png.length < 29 || !png.subarray(0, 8).equals(SIGNATURE) || png.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), bitDepth: png[24], colourType: png[25] };
}

export function sameShape(a: PngHeader, b: PngHeader): boolean {
  return a.width === b.width && a.height === b.height && a.bitDepth === b.bitDepth && a.colourType === b.colourType;
}
