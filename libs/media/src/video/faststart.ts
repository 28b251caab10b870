import { open } from 'node:fs/promises';

/**
 * Whether an MP4 can start playing before it is fully downloaded: its `moov` box (the index) comes before `mdat`
 * (the samples). Walks the top-level boxes only, reading 16 bytes per box.
 */
export async function isFastStart(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const { size: fileSize } = await file.stat();
    const header = Buffer.alloc(16);
    let offset = 0;
    while (offset + 8 <= fileSize) {
      const { bytesRead } = await file.read(header, 0, 16, offset);
      if (bytesRead < 8) break;
      const type = header.toString('latin1', 4, 8);
      if (type === 'moov') return true;
      if (type === 'mdat') return false;
      let boxSize = header.readUInt32BE(0);
      if (boxSize === 1) {
        if (bytesRead < 16) break;
        boxSize = Number(header.readBigUInt64BE(8)); // 64-bit size follows the type
      } else if (boxSize === 0) {
        break; // the box runs to the end of the file
      }
      if (boxSize < 8) break; // damaged
      offset += boxSize;
    }
    return false;
  } finally {
    await file.close();
  }
}
