// Offline speech: espeak-ng per segment, measured and joined into one WAV with cues that match it exactly.
export * from './synthesize';
export * from './voices';
export * from './wav';
