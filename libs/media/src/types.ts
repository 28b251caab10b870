/** The three frame shapes the platform renders; the contract's `aspect_ratio`. */
export type AspectRatio = '1:1' | '9:16' | '16:9';
export const ASPECT_RATIOS: readonly AspectRatio[] = ['1:1', '9:16', '16:9'];

/** Pixel sizes of post images (full HD on the long side, as Instagram and TikTok recommend). */
export const IMAGE_SIZES: Record<AspectRatio, { width: number; height: number }> = {
  '1:1': { width: 1080, height: 1080 },
  '9:16': { width: 1080, height: 1920 },
  '16:9': { width: 1920, height: 1080 },
};

/** Pixel sizes of rendered videos: 720p keeps an offline render fast on two cores and is accepted by every platform. */
export const VIDEO_SIZES: Record<AspectRatio, { width: number; height: number }> = {
  '1:1': { width: 720, height: 720 },
  '9:16': { width: 720, height: 1280 },
  '16:9': { width: 1280, height: 720 },
};

/** What a rendered file shows of the agent: its name and handle, its colours, its language. */
export interface AgentLook {
  name: string;
  handle?: string | null;
  /** Hex colours, most prominent first (background, accent, text); a missing palette gets one derived from the name. */
  palette?: string[] | null;
  /** BCP 47 language of the text on the card (picks the font: Devanagari for hi). */
  language: string;
}

/** One spoken or shown line of a script, with its place on the timeline in seconds. */
export interface TimedSegment {
  text: string;
  start: number;
  end: number;
}

/** Kinds of file the platform makes. */
export type MediaKind = 'image' | 'audio' | 'video' | 'captions';
