import { open } from 'node:fs/promises';
import { ProvenanceInfo, ProvenanceRecord } from './provenance.types';
import { buildXmpPacket, parseXmpPacket } from './xmp';

// ISO BMFF (MP4) top-level boxes: size (4, big-endian, header included; 1 = a 64-bit size follows the type; 0 = to the
// end of the file), type (4), and for `uuid` boxes a 16-byte user type. XMP lives in a `uuid` box with the XMP UUID
// (XMP spec part 3). It is appended after everything else, so moov stays before mdat and no chunk offset moves.

export const XMP_UUID = Buffer.from('BE7ACFCB97A942E89C71999491E3AFAC', 'hex');

export interface Mp4BoxHeader {
  type: string;
  offset: number;
  /** Whole box, header included. */
  size: number;
  headerSize: number;
  /** The box's size field was 0: it runs to the end of the file. */
  toEndOfFile: boolean;
  userType: Buffer | null;
}

/** Longest header: size, type, 64-bit size, user type. */
const MAX_HEADER = 32;

/** Parses the box header at `offset`; `head` holds the file's bytes from there (up to 32 of them). */
export function parseBoxHeader(head: Buffer, offset: number, fileSize: number): Mp4BoxHeader {
  if (head.length < 8) throw new Error(`truncated MP4 box header at ${offset}`);
  const sizeField = head.readUInt32BE(0);
  const type = head.toString('latin1', 4, 8);
  if (!/^[\x20-\x7e]{4}$/.test(type)) throw new Error(`not an MP4 box at ${offset}`);
  let headerSize = 8;
  let size = sizeField;
  if (sizeField === 1) {
    if (head.length < 16) throw new Error(`truncated MP4 box header at ${offset}`);
    size = Number(head.readBigUInt64BE(8));
    headerSize = 16;
  } else if (sizeField === 0) {
    size = fileSize - offset;
  }
  let userType: Buffer | null = null;
  if (type === 'uuid') {
    if (head.length < headerSize + 16) throw new Error(`truncated MP4 uuid box at ${offset}`);
    userType = Buffer.from(head.subarray(headerSize, headerSize + 16));
    headerSize += 16;
  }
  if (size < headerSize || offset + size > fileSize) throw new Error(`MP4 box '${type}' at ${offset} has a bad size`);
  return { type, offset, size, headerSize, toEndOfFile: sizeField === 0, userType };
}

/** Top-level boxes of an MP4 held in memory. */
export function listMp4Boxes(mp4: Buffer): Mp4BoxHeader[] {
  const boxes: Mp4BoxHeader[] = [];
  for (let offset = 0; offset < mp4.length; ) {
    const box = parseBoxHeader(mp4.subarray(offset, offset + MAX_HEADER), offset, mp4.length);
    boxes.push(box);
    offset += box.size;
  }
  return boxes;
}

/** Top-level boxes of an MP4 file, reading only their headers. */
export async function listMp4FileBoxes(path: string): Promise<Mp4BoxHeader[]> {
  const file = await open(path, 'r');
  try {
    return await listBoxesOf(file, (await file.stat()).size);
  } finally {
    await file.close();
  }
}

type FileHandle = Awaited<ReturnType<typeof open>>;

async function listBoxesOf(file: FileHandle, fileSize: number): Promise<Mp4BoxHeader[]> {
  const boxes: Mp4BoxHeader[] = [];
  const head = Buffer.alloc(MAX_HEADER);
  for (let offset = 0; offset < fileSize; ) {
    const { bytesRead } = await file.read(head, 0, MAX_HEADER, offset);
    const box = parseBoxHeader(head.subarray(0, bytesRead), offset, fileSize);
    boxes.push(box);
    offset += box.size;
  }
  if (boxes.length === 0) throw new Error('empty MP4 file');
  return boxes;
}

function isXmpBox(box: Mp4BoxHeader): boolean {
  return box.type === 'uuid' && box.userType !== null && box.userType.equals(XMP_UUID);
}

export function encodeXmpUuidBox(xmp: string): Buffer {
  const payload = Buffer.from(xmp, 'utf8');
  const box = Buffer.alloc(24 + payload.length);
  box.writeUInt32BE(box.length, 0);
  box.write('uuid', 4, 'latin1');
  XMP_UUID.copy(box, 8);
  payload.copy(box, 24);
  return box;
}

/**
 * Appends the XMP `uuid` box to an MP4 file in place, touching only box headers and the end of the file. A previous
 * XMP box at the end is cut off; one elsewhere becomes a `free` box, so no offset in the file moves.
 */
export async function markMp4File(path: string, info: ProvenanceInfo): Promise<void> {
  const box = encodeXmpUuidBox(buildXmpPacket(info));
  const file = await open(path, 'r+');
  try {
    let fileSize = (await file.stat()).size;
    const boxes = await listBoxesOf(file, fileSize);
    const last = boxes[boxes.length - 1];
    if (isXmpBox(last)) {
      await file.truncate(last.offset);
      fileSize = last.offset;
      boxes.pop();
    }
    for (const old of boxes.filter(isXmpBox)) await file.write(Buffer.from('free', 'latin1'), 0, 4, old.offset + 4);
    const tail = boxes[boxes.length - 1];
    if (tail?.toEndOfFile) await fixSizeOfBoxToEnd(file, tail);
    await file.write(box, 0, box.length, fileSize);
  } finally {
    await file.close();
  }
}

/** A last box sized "to the end of the file" would swallow what is appended: give it its real size first. */
async function fixSizeOfBoxToEnd(file: FileHandle, box: Mp4BoxHeader): Promise<void> {
  if (box.size > 0xffffffff) throw new Error(`cannot append after the open-ended ${box.type} box of over 4 GiB`);
  const size = Buffer.alloc(4);
  size.writeUInt32BE(box.size, 0);
  await file.write(size, 0, 4, box.offset);
}

/** The marking in an MP4 held in memory; null when it has no XMP box. */
export function readMp4Provenance(mp4: Buffer): ProvenanceRecord | null {
  const box = listMp4Boxes(mp4).filter(isXmpBox).pop();
  if (!box) return null;
  return parseXmpPacket(mp4.toString('utf8', box.offset + box.headerSize, box.offset + box.size));
}

/** The marking in an MP4 file, reading box headers and the XMP box only. */
export async function readMp4ProvenanceFile(path: string): Promise<ProvenanceRecord | null> {
  const file = await open(path, 'r');
  try {
    const box = (await listBoxesOf(file, (await file.stat()).size)).filter(isXmpBox).pop();
    if (!box) return null;
    const payload = Buffer.alloc(box.size - box.headerSize);
    await file.read(payload, 0, payload.length, box.offset + box.headerSize);
    return parseXmpPacket(payload.toString('utf8'));
  } finally {
    await file.close();
  }
}
