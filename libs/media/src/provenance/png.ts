import { crc32 } from './crc32';
import { ProvenanceInfo, ProvenanceRecord } from './provenance.types';
import { buildXmpPacket, parseXmpPacket } from './xmp';

// PNG (ISO/IEC 15948) chunks: length (4, big-endian, data only), type (4), data, CRC-32 over type + data.
// XMP lives in an iTXt chunk whose keyword is `XML:com.adobe.xmp`, uncompressed (XMP spec part 3).

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
export const XMP_PNG_KEYWORD = 'XML:com.adobe.xmp';

export interface PngChunk {
  type: string;
  /** Offset of the chunk's length field in the file. */
  offset: number;
  data: Buffer;
  crcValid: boolean;
}

/** Splits a PNG into its chunks; throws on a missing signature or a chunk running past the end. */
export function readPngChunks(png: Buffer): PngChunk[] {
  if (png.length < PNG_SIGNATURE.length || !png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG file');
  const chunks: PngChunk[] = [];
  let offset = PNG_SIGNATURE.length;
  while (offset < png.length) {
    if (offset + 12 > png.length) throw new Error(`truncated PNG chunk header at ${offset}`);
    const length = png.readUInt32BE(offset);
    const end = offset + 12 + length;
    if (end > png.length) throw new Error(`PNG chunk at ${offset} runs past the end of the file`);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    const crcValid = crc32(png.subarray(offset + 4, offset + 8 + length)) === png.readUInt32BE(offset + 8 + length);
    chunks.push({ type, offset, data, crcValid });
    offset = end;
    if (type === 'IEND') break;
  }
  return chunks;
}

/** One serialized chunk: length, type, data and the CRC over type and data. */
export function encodePngChunk(type: string, data: Buffer): Buffer {
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write(type, 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return chunk;
}

/** iTXt data: keyword, NUL, compression flag 0, method 0, empty language tag, NUL, empty translated keyword, NUL, text. */
export function encodeXmpITxt(xmp: string): Buffer {
  return Buffer.concat([
    Buffer.from(XMP_PNG_KEYWORD, 'latin1'),
    Buffer.from([0, 0, 0, 0, 0]),
    Buffer.from(xmp, 'utf8'),
  ]);
}

/** The XMP text of an uncompressed `XML:com.adobe.xmp` iTXt chunk's data, or null for any other iTXt. */
export function decodeXmpITxt(data: Buffer): string | null {
  const keywordEnd = data.indexOf(0);
  if (keywordEnd < 0 || data.toString('latin1', 0, keywordEnd) !== XMP_PNG_KEYWORD) return null;
  const compressed = data[keywordEnd + 1];
  if (compressed !== 0) return null; // the XMP spec forbids compressing the packet
  const languageEnd = data.indexOf(0, keywordEnd + 3);
  const translatedEnd = languageEnd < 0 ? -1 : data.indexOf(0, languageEnd + 1);
  if (translatedEnd < 0) return null;
  return data.toString('utf8', translatedEnd + 1);
}

/** The PNG with an XMP iTXt chunk before IEND; an XMP chunk already present is replaced, not duplicated. */
export function markPng(png: Buffer, info: ProvenanceInfo): Buffer {
  const chunks = readPngChunks(png);
  const iend = chunks.find((chunk) => chunk.type === 'IEND');
  if (!iend) throw new Error('PNG has no IEND chunk');
  const kept = chunks.filter((chunk) => !(chunk.type === 'iTXt' && decodeXmpITxt(chunk.data) !== null));
  const parts: Buffer[] = [PNG_SIGNATURE];
  for (const chunk of kept) {
    if (chunk === iend) parts.push(encodePngChunk('iTXt', encodeXmpITxt(buildXmpPacket(info))));
    parts.push(png.subarray(chunk.offset, chunk.offset + 12 + chunk.data.length));
  }
  return Buffer.concat(parts);
}

/** The marking in a PNG's XMP iTXt chunk; null when there is none (or its CRC is wrong). */
export function readPngProvenance(png: Buffer): ProvenanceRecord | null {
  for (const chunk of readPngChunks(png)) {
    if (chunk.type !== 'iTXt' || !chunk.crcValid) continue;
    const xmp = decodeXmpITxt(chunk.data);
    if (xmp !== null) return parseXmpPacket(xmp);
  }
  return null;
}
