import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleWeight {
  /** Gzipped bytes of the JavaScript index.html loads at once (its scripts and module preloads). */
  firstLoadGzipBytes: number;
  /** Gzipped bytes of every JavaScript file, lazy chunks included. */
  totalGzipBytes: number;
  files: Record<string, number>;
}

/** Measures the built console's JavaScript, gzipped as a server would send it. */
export function measureBundle(distDir: string): BundleWeight {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const firstLoad = new Set([...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]));
  const files: Record<string, number> = {};
  let firstLoadGzipBytes = 0;
  let totalGzipBytes = 0;
  for (const name of readdirSync(path.join(distDir, 'assets')).filter((n) => n.endsWith('.js'))) {
    const size = gzipSync(readFileSync(path.join(distDir, 'assets', name)), { level: 9 }).length;
    files[name] = size;
    totalGzipBytes += size;
    if (firstLoad.has(name)) firstLoadGzipBytes += size;
  }
  return { firstLoadGzipBytes, totalGzipBytes, files };
}
