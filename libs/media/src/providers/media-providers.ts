import { AspectRatio } from '../types';

export interface ImageGenerationRequest {
  prompt: string;
  aspectRatio: AspectRatio;
  signal?: AbortSignal;
}

/** A paid remote image generator; the offline card renderer is used when none is configured. */
export interface ImageProvider {
  readonly name: string;
  generate(req: ImageGenerationRequest): Promise<{ png: Buffer; model: string }>;
}

export interface VideoGenerationRequest {
  prompt: string;
  durationSeconds: number;
  aspectRatio: AspectRatio;
  signal?: AbortSignal;
  /** Called with a fraction from 0 to 1 that never decreases; 1 once the file is downloaded. */
  onProgress?: (fraction: number) => void;
  /**
   * The provider's id of a generation an earlier attempt started (a worker that crashed or was taken over): it is
   * followed instead of paying for a new one, unless it failed or was cancelled.
   */
  resumeId?: string | null;
  /** Called with the provider's id as soon as a generation is started, before waiting for it: keep it to resume. */
  onStarted?: (id: string) => void | Promise<void>;
}

/** A paid remote video generator; the offline ffmpeg renderer is used when none is configured. */
export interface VideoProvider {
  readonly name: string;
  generate(req: VideoGenerationRequest): Promise<{ mp4: Buffer; model: string }>;
}
