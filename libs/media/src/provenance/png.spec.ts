import { deflateSync } from 'node:zlib';
import { crc32 } from './crc32';
import { decodeXmpITxt, encodePngChunk, markPng, PNG_SIGNATURE, readPngChunks, readPngProvenance, XMP_PNG_KEYWORD } from './png';

/** A 2x1 8-bit greyscale PNG built by hand. */
function tinyPng(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const pixels = deflateSync(Buffer.from([0, 0x00, 0xff]));
  return Buffer.concat([
    PNG_SIGNATURE,
    encodePngChunk('IHDR', ihdr),
    encodePngChunk('IDAT', pixels),
    encodePngChunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('PNG marking', () => {
  const info = { createdAt: new Date('2025-01-02T03:04:05.000Z'), fields: { contentId: 'cnt_1' } };

  it('inserts one iTXt chunk right before IEND, keeping every other chunk byte for byte', () => {
    const original = tinyPng();
    const marked = markPng(original, info);
    const chunks = readPngChunks(marked);
    expect(chunks.map((chunk) => chunk.type)).toEqual(['IHDR', 'IDAT', 'iTXt', 'IEND']);
    expect(chunks.every((chunk) => chunk.crcValid)).toBe(true);
    const iend = chunks[3];
    expect(marked.subarray(iend.offset)).toEqual(original.subarray(original.length - 12));
    expect(marked.subarray(0, chunks[2].offset)).toEqual(original.subarray(0, original.length - 12));
  });

  it('writes the iTXt header as keyword, NUL, uncompressed flag and method, empty language and translation', () => {
    const itxt = readPngChunks(markPng(tinyPng(), info)).find((chunk) => chunk.type === 'iTXt')!;
    const keyword = Buffer.from(XMP_PNG_KEYWORD, 'latin1');
    expect(itxt.data.subarray(0, keyword.length)).toEqual(keyword);
    expect([...itxt.data.subarray(keyword.length, keyword.length + 5)]).toEqual([0, 0, 0, 0, 0]);
    expect(decodeXmpITxt(itxt.data)).toContain('<?xpacket begin=');
  });

  it('stores a CRC over the chunk type and data', () => {
    const marked = markPng(tinyPng(), info);
    const itxt = readPngChunks(marked).find((chunk) => chunk.type === 'iTXt')!;
    const end = itxt.offset + 8 + itxt.data.length;
    expect(marked.readUInt32BE(end)).toBe(crc32(marked.subarray(itxt.offset + 4, end)));
  });

  it('replaces an earlier marking instead of adding a second one', () => {
    const twice = markPng(markPng(tinyPng(), info), { ...info, fields: { contentId: 'cnt_2' } });
    expect(readPngChunks(twice).filter((chunk) => chunk.type === 'iTXt')).toHaveLength(1);
    expect(readPngProvenance(twice)?.contentId).toBe('cnt_2');
  });

  it('ignores a marking whose CRC was damaged, and finds none in an unmarked file', () => {
    const marked = markPng(tinyPng(), info);
    const itxt = readPngChunks(marked).find((chunk) => chunk.type === 'iTXt')!;
    marked[itxt.offset + 40] ^= 0xff;
    expect(readPngProvenance(marked)).toBeNull();
    expect(readPngProvenance(tinyPng())).toBeNull();
  });

  it('refuses data that is not a PNG', () => {
    expect(() => markPng(Buffer.from('GIF89a........'), info)).toThrow(/not a PNG/);
  });
});
