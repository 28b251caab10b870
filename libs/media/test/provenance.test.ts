// Marks real files made by espeak-ng and ffmpeg, reads the marks back, and checks the files still decode.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { markMp4File, markWav, readMp4ProvenanceFile, readProvenance, TRAINED_ALGORITHMIC_MEDIA } from '@influgentic/media';

const run = promisify(execFile);

interface ProbedFormat {
  duration: string;
  tags?: Record<string, string>;
}

/** ffprobe's view of the container; rejects when ffprobe exits non-zero. */
async function probe(path: string): Promise<{ format: ProbedFormat; streams: Array<{ codec_type: string }> }> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-show_format', '-show_streams', '-of', 'json', path]);
  return JSON.parse(stdout);
}

/** Decodes every frame to nowhere: a damaged stream makes ffmpeg report errors on stderr. */
async function decodeErrors(path: string): Promise<string> {
  const { stderr } = await run('ffmpeg', ['-v', 'error', '-i', path, '-f', 'null', '-']);
  return stderr;
}

const caption = `Tom & Jerry's <best> "deal" — नमस्ते`;
const info = { createdAt: new Date('2025-02-03T04:05:06.000Z'), fields: { agentName: 'Aria Nova', contentId: 'cnt_42', caption } };
const expected = {
  digitalSourceType: TRAINED_ALGORITHMIC_MEDIA,
  creatorTool: 'Influgentic',
  createdAt: '2025-02-03T04:05:06.000Z',
  agentName: 'Aria Nova',
  contentId: 'cnt_42',
  caption,
};

describe('provenance on real media files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'provenance-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('marks a WAV from espeak-ng: XMP reads back, players see the INFO tags, audio is unchanged', async () => {
    const original = join(dir, 'speech.wav');
    await run('espeak-ng', ['-w', original, 'Provenance travels with the file.']);
    const before = await probe(original);
    const wav = await readFile(original);
    expect(readProvenance(wav, 'wav')).toBeNull();

    const marked = markWav(wav, info);
    const markedPath = join(dir, 'speech-marked.wav');
    await writeFile(markedPath, marked);

    expect(readProvenance(marked, 'wav')).toEqual(expected);
    const after = await probe(markedPath);
    expect(after.format.duration).toBe(before.format.duration);
    expect(after.streams.map((s) => s.codec_type)).toEqual(['audio']);
    // ffmpeg maps RIFF INFO ISFT to "encoder" and ICMT to "comment".
    expect(after.format.tags?.encoder).toBe('Influgentic');
    expect(after.format.tags?.comment).toMatch(/^AI-generated/);
    expect(await decodeErrors(markedPath)).toBe('');
    // Same samples: ffmpeg's checksum of the decoded audio matches the original's.
    const hash = async (path: string) => (await run('ffmpeg', ['-v', 'error', '-i', path, '-f', 'md5', '-'])).stdout;
    expect(await hash(markedPath)).toBe(await hash(original));
  });

  it('marks a faststart MP4 from ffmpeg in place: XMP reads back, moov stays before mdat, it still plays', async () => {
    const path = join(dir, 'clip.mp4');
    await run('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'color=c=red:s=64x64:d=1', '-movflags', '+faststart', path]);
    const before = await probe(path);
    const sizeBefore = (await stat(path)).size;
    const framesHash = async () => (await run('ffmpeg', ['-v', 'error', '-i', path, '-f', 'md5', '-'])).stdout;
    const hashBefore = await framesHash();

    await markMp4File(path, info);

    const marked = await readFile(path);
    expect(readProvenance(marked, 'mp4')).toEqual(expected);
    expect(await readMp4ProvenanceFile(path)).toEqual(expected);
    expect(marked.length).toBeGreaterThan(sizeBefore);
    const moov = marked.indexOf('moov', 0, 'latin1');
    const mdat = marked.indexOf('mdat', 0, 'latin1');
    expect(moov).toBeGreaterThan(0);
    expect(moov).toBeLessThan(mdat);

    const after = await probe(path);
    expect(after.format.duration).toBe(before.format.duration);
    expect(await decodeErrors(path)).toBe('');
    expect(await framesHash()).toBe(hashBefore);

    // Marking again replaces the box instead of stacking a second one.
    await markMp4File(path, { ...info, fields: { contentId: 'cnt_43' } });
    expect((await readMp4ProvenanceFile(path))?.contentId).toBe('cnt_43');
    expect((await stat(path)).size).toBeLessThan(marked.length);
    expect((await probe(path)).format.duration).toBe(before.format.duration);
  });
});
