import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listMp4Boxes, listMp4FileBoxes, markMp4File, readMp4Provenance, readMp4ProvenanceFile, XMP_UUID } from './mp4';

function box(type: string, payload: Buffer, sizeField?: number): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(sizeField ?? 8 + payload.length, 0);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, payload]);
}

const info = { createdAt: new Date('2025-07-08T09:10:11.000Z'), fields: { contentId: 'cnt_9' } };

describe('MP4 marking', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mp4-mark-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('appends one top-level uuid box with the XMP UUID and leaves the bytes before it untouched', async () => {
    const original = Buffer.concat([box('ftyp', Buffer.from('isom\0\0\0\0')), box('moov', Buffer.alloc(20)), box('mdat', Buffer.alloc(33, 7))]);
    const path = join(dir, 'a.mp4');
    await writeFile(path, original);
    await markMp4File(path, info);
    const marked = await readFile(path);
    expect(marked.subarray(0, original.length)).toEqual(original);
    const boxes = listMp4Boxes(marked);
    expect(boxes.map((b) => b.type)).toEqual(['ftyp', 'moov', 'mdat', 'uuid']);
    expect(boxes[3].userType).toEqual(XMP_UUID);
    expect(boxes[3].offset + boxes[3].size).toBe(marked.length);
    expect(readMp4Provenance(marked)).toMatchObject({ contentId: 'cnt_9', createdAt: '2025-07-08T09:10:11.000Z' });
    expect(await readMp4ProvenanceFile(path)).toEqual(readMp4Provenance(marked));
  });

  it('replaces its own box at the end when marked again', async () => {
    const path = join(dir, 'b.mp4');
    await writeFile(path, Buffer.concat([box('ftyp', Buffer.alloc(8)), box('mdat', Buffer.alloc(5))]));
    await markMp4File(path, info);
    await markMp4File(path, { ...info, fields: { contentId: 'cnt_10' } });
    expect((await listMp4FileBoxes(path)).map((b) => b.type)).toEqual(['ftyp', 'mdat', 'uuid']);
    expect((await readMp4ProvenanceFile(path))?.contentId).toBe('cnt_10');
  });

  it('turns an older XMP box that is not last into free space, so no offset moves', async () => {
    const path = join(dir, 'c.mp4');
    const oldXmp = box('uuid', Buffer.concat([XMP_UUID, Buffer.from('<old/>')]));
    await writeFile(path, Buffer.concat([box('ftyp', Buffer.alloc(8)), oldXmp, box('mdat', Buffer.alloc(5))]));
    await markMp4File(path, info);
    expect((await listMp4FileBoxes(path)).map((b) => b.type)).toEqual(['ftyp', 'free', 'mdat', 'uuid']);
  });

  it('gives a last box sized "to end of file" its real size before appending', async () => {
    const path = join(dir, 'd.mp4');
    await writeFile(path, Buffer.concat([box('ftyp', Buffer.alloc(8)), box('mdat', Buffer.alloc(11), 0)]));
    await markMp4File(path, info);
    const boxes = await listMp4FileBoxes(path);
    expect(boxes.map((b) => [b.type, b.size])).toEqual([['ftyp', 16], ['mdat', 19], ['uuid', boxes[2].size]]);
    expect(boxes[1].toEndOfFile).toBe(false);
  });

  it('refuses a file whose boxes do not add up', async () => {
    const path = join(dir, 'e.mp4');
    await writeFile(path, box('ftyp', Buffer.alloc(8), 400));
    await expect(markMp4File(path, info)).rejects.toThrow(/bad size/);
  });
});
