import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat as fileStat, unlink } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { assertMediaKey } from './media-key';
import { checkByteRange, checkSignedUrlOptions } from './storage-checks';
import {
  ByteRange, MediaStorage, MediaStorageError, SignedUrlOptions, StoredMedia,
} from './media-storage';
import { signedMediaUrl } from './signed-media-url';

export interface LocalMediaStorageOptions {
  /** Directory the files live under. */
  root: string;
  /** Public origin (and path prefix) of the gateway that serves `GET /media/*`. */
  publicBaseUrl: string;
  signingKey: Buffer;
}

/** What is kept beside each file: disk keeps no content type, and the hash saves reading the file again. */
interface SidecarMeta {
  contentType: string;
  sha256: string;
  bytes: number;
}

/**
 * Media on local disk, served by the gateway through signed links. Files live at `<root>/<key>`; content type and
 * hash at `<root>/.meta/<key>.json`; writes go through `<root>/.tmp`. Keys never start with a dot, so neither folder
 * can collide with a key.
 */
export class LocalMediaStorage implements MediaStorage {
  readonly kind = 'local' as const;
  private readonly root: string;

  constructor(private readonly options: LocalMediaStorageOptions) {
    this.root = resolve(options.root);
  }

  async put(key: string, source: Buffer | { path: string }, contentType: string): Promise<StoredMedia> {
    assertMediaKey(key);
    if (!contentType) throw new MediaStorageError('invalid_request', 'a content type is required');
    const file = this.fileOf(key);
    const metaFile = this.metaFileOf(key);
    const tmpDir = join(this.root, '.tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmpData = join(tmpDir, `${randomBytes(8).toString('hex')}.data`);
    const tmpMeta = join(tmpDir, `${randomBytes(8).toString('hex')}.meta`);
    try {
      const { sha256, bytes } = Buffer.isBuffer(source) ? await writeBuffer(tmpData, source) : await copyFile(source.path, tmpData);
      const meta: SidecarMeta = { contentType, sha256, bytes };
      await writeBuffer(tmpMeta, Buffer.from(JSON.stringify(meta)));
      await mkdir(dirname(file), { recursive: true });
      await mkdir(dirname(metaFile), { recursive: true });
      // Content first, then its description: a reader between the two renames sees the new bytes under the old
      // sidecar only when a key is overwritten, which the platform does not do (keys carry a content id).
      await rename(tmpData, file);
      await rename(tmpMeta, metaFile);
      await syncDirectory(dirname(file));
      await syncDirectory(dirname(metaFile));
      return { key, bytes, contentType, sha256 };
    } finally {
      await rm(tmpData, { force: true });
      await rm(tmpMeta, { force: true });
    }
  }

  async stat(key: string): Promise<StoredMedia | null> {
    assertMediaKey(key);
    try {
      const [metaText, info] = await Promise.all([readFile(this.metaFileOf(key), 'utf8'), fileStat(this.fileOf(key))]);
      if (!info.isFile()) return null;
      const meta = JSON.parse(metaText) as SidecarMeta;
      return { key, bytes: info.size, contentType: meta.contentType, sha256: meta.sha256 };
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async read(key: string, range?: ByteRange): Promise<NodeJS.ReadableStream> {
    assertMediaKey(key);
    if (range) checkByteRange(range);
    const file = this.fileOf(key);
    // Open before returning, so a missing file is a rejected promise here rather than an error event later.
    const handle = await open(file, 'r').catch((err) => {
      if (isMissing(err)) throw new MediaStorageError('not_found', `no media stored under ${key}`);
      throw err;
    });
    try {
      const { size } = await handle.stat();
      if (!range) return handle.createReadStream();
      if (range.start >= size) throw new MediaStorageError('invalid_range', `range starts at ${range.start}, past the end of a ${size}-byte file`);
      return handle.createReadStream({ start: range.start, end: Math.min(range.end, size - 1) });
    } catch (err) {
      await handle.close();
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    assertMediaKey(key);
    await unlinkIfPresent(this.fileOf(key));
    await unlinkIfPresent(this.metaFileOf(key));
  }

  async signedUrl(key: string, opts: SignedUrlOptions): Promise<string> {
    assertMediaKey(key);
    checkSignedUrlOptions(opts);
    const expires = Math.floor(Date.now() / 1000) + opts.expiresInSeconds;
    return signedMediaUrl(this.options.publicBaseUrl, this.options.signingKey, key, expires, opts.downloadName);
  }

  /** The file of a key; validated keys cannot leave the root, and this checks it once more. */
  private fileOf(key: string): string {
    return this.inside(join(this.root, key));
  }

  private metaFileOf(key: string): string {
    return this.inside(join(this.root, '.meta', `${key}.json`));
  }

  private inside(path: string): string {
    const rel = relative(this.root, path);
    if (!rel || rel.startsWith(`..${sep}`) || rel === '..') throw new MediaStorageError('invalid_key', 'media key escapes the storage root');
    return path;
  }
}

async function writeBuffer(path: string, data: Buffer): Promise<{ sha256: string; bytes: number }> {
  const handle = await open(path, 'wx', 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { sha256: createHash('sha256').update(data).digest('hex'), bytes: data.length };
}

/** Streams a file into place while hashing it, then flushes it to disk. */
async function copyFile(from: string, to: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  const source = createReadStream(from);
  await pipeline(source, async function* (chunks: AsyncIterable<Buffer>) {
    for await (const chunk of chunks) {
      hash.update(chunk);
      bytes += chunk.length;
      yield chunk;
    }
  }, createWriteStream(to, { flags: 'wx', mode: 0o644 }));
  const handle = await open(to, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Makes a rename durable: the directory entry is flushed too. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function unlinkIfPresent(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (err) {
    if (!isMissing(err)) throw err;
  }
}

function isMissing(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
