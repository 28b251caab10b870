import { CREATOR_TOOL, ProvenanceInfo, ProvenanceRecord } from './provenance.types';
import { buildXmpPacket, parseXmpPacket } from './xmp';

// RIFF/WAVE: 'RIFF', size (little-endian, everything after it), 'WAVE', then chunks of id (4), size (4, data only),
// data and one pad byte when the size is odd. XMP goes in a `_PMX` chunk (XMP spec part 3); the same marking is
// spelled out for ordinary players in LIST/INFO as ISFT (software) and ICMT (comment).

export const WAV_XMP_CHUNK_ID = '_PMX';
export const WAV_AI_COMMENT = 'AI-generated audio (IPTC digital source type trainedAlgorithmicMedia), made with Influgentic';

export interface RiffChunk {
  id: string;
  data: Buffer;
}

/** The chunks of a RIFF/WAVE file. A size running past the end (a writer that never fixed it up) is cut to the end. */
export function readRiffChunks(wav: Buffer): RiffChunk[] {
  if (wav.length < 12 || wav.toString('latin1', 0, 4) !== 'RIFF' || wav.toString('latin1', 8, 12) !== 'WAVE') {
    throw new Error('not a RIFF/WAVE file');
  }
  const chunks: RiffChunk[] = [];
  let offset = 12;
  while (offset + 8 <= wav.length) {
    const id = wav.toString('latin1', offset, offset + 4);
    const size = wav.readUInt32LE(offset + 4);
    const end = Math.min(offset + 8 + size, wav.length);
    chunks.push({ id, data: wav.subarray(offset + 8, end) });
    offset = end + (size % 2);
  }
  return chunks;
}

/** A whole RIFF/WAVE file from its chunks, each padded to an even length, with the RIFF size set. */
export function encodeRiffWave(chunks: RiffChunk[]): Buffer {
  const parts: Buffer[] = [];
  for (const chunk of chunks) parts.push(encodeRiffChunk(chunk.id, chunk.data));
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(4 + body.length, 4);
  header.write('WAVE', 8, 'latin1');
  return Buffer.concat([header, body]);
}

function encodeRiffChunk(id: string, data: Buffer): Buffer {
  const chunk = Buffer.alloc(8 + data.length + (data.length % 2));
  chunk.write(id, 0, 'latin1');
  chunk.writeUInt32LE(data.length, 4);
  data.copy(chunk, 8);
  return chunk;
}

/** INFO sub-chunks hold NUL-terminated text. */
function infoText(text: string): Buffer {
  return Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from([0])]);
}

/** The INFO list of a LIST chunk's data ('INFO' followed by sub-chunks), or null for another list type. */
export function readInfoList(listData: Buffer): RiffChunk[] | null {
  if (listData.length < 4 || listData.toString('latin1', 0, 4) !== 'INFO') return null;
  const entries: RiffChunk[] = [];
  let offset = 4;
  while (offset + 8 <= listData.length) {
    const size = listData.readUInt32LE(offset + 4);
    const end = Math.min(offset + 8 + size, listData.length);
    entries.push({ id: listData.toString('latin1', offset, offset + 4), data: listData.subarray(offset + 8, end) });
    offset = end + (size % 2);
  }
  return entries;
}

function encodeInfoList(entries: RiffChunk[]): Buffer {
  return Buffer.concat([Buffer.from('INFO', 'latin1'), ...entries.map((entry) => encodeRiffChunk(entry.id, entry.data))]);
}

/**
 * The WAV with a `_PMX` XMP chunk and LIST/INFO (ISFT, ICMT) appended after the audio, so the data chunk keeps its
 * offset. A previous marking is replaced; other INFO entries (title, artist…) are kept.
 */
export function markWav(wav: Buffer, info: ProvenanceInfo): Buffer {
  const chunks = readRiffChunks(wav);
  const keptInfo: RiffChunk[] = [];
  const kept = chunks.filter((chunk) => {
    if (chunk.id === WAV_XMP_CHUNK_ID) return false;
    const entries = chunk.id === 'LIST' ? readInfoList(chunk.data) : null;
    if (entries) keptInfo.push(...entries.filter((entry) => entry.id !== 'ISFT' && entry.id !== 'ICMT'));
    return entries === null;
  });
  const infoEntries = [...keptInfo, { id: 'ISFT', data: infoText(CREATOR_TOOL) }, { id: 'ICMT', data: infoText(WAV_AI_COMMENT) }];
  return encodeRiffWave([
    ...kept,
    { id: WAV_XMP_CHUNK_ID, data: Buffer.from(buildXmpPacket(info), 'utf8') },
    { id: 'LIST', data: encodeInfoList(infoEntries) },
  ]);
}

/** The marking in a WAV's `_PMX` chunk; null when there is none. */
export function readWavProvenance(wav: Buffer): ProvenanceRecord | null {
  const xmpChunk = readRiffChunks(wav).find((chunk) => chunk.id === WAV_XMP_CHUNK_ID);
  return xmpChunk ? parseXmpPacket(xmpChunk.data.toString('utf8')) : null;
}
