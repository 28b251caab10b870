import { readMp4Provenance } from './mp4';
import { readPngProvenance } from './png';
import { ProvenanceFileKind, ProvenanceRecord } from './provenance.types';
import { readWavProvenance } from './wav';

/**
 * The AI-generated marking of a PNG, WAV or MP4 held in memory; null when the file carries none. Throws when the
 * bytes are not a file of that kind (bad signature, chunks or boxes running past the end).
 */
export function readProvenance(data: Buffer, kind: ProvenanceFileKind): ProvenanceRecord | null {
  switch (kind) {
    case 'png':
      return readPngProvenance(data);
    case 'wav':
      return readWavProvenance(data);
    case 'mp4':
      return readMp4Provenance(data);
  }
}
