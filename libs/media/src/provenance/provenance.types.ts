/** IPTC NewsCodes term for media created by a model trained on sampled content (generative AI). */
export const TRAINED_ALGORITHMIC_MEDIA = 'http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia';

/** What every file the platform makes names as its creator tool (`xmp:CreatorTool`, RIFF `ISFT`). */
export const CREATOR_TOOL = 'Influgentic';

/** What a caller tells about a generated file beyond the fixed AI-generated marking. */
export interface ProvenanceInfo {
  /** When the file was made; now when absent. */
  createdAt?: Date;
  /**
   * Extra facts, e.g. `{ agentName: 'Aria', contentId: 'cnt_…' }`. Keys are identifiers (letters, digits, `_`, `-`;
   * not starting with a digit) and must not reuse the record's own keys; values are any text.
   */
  fields?: Record<string, string>;
}

/** The marking read back from a file: the fixed properties plus the caller's fields, flattened. */
export interface ProvenanceRecord {
  digitalSourceType: string;
  creatorTool: string;
  /** ISO 8601 as written, e.g. `2025-01-31T12:00:00.000Z`. */
  createdAt: string;
  [field: string]: string;
}

/** File kinds that can carry the marking. */
export type ProvenanceFileKind = 'png' | 'wav' | 'mp4';
