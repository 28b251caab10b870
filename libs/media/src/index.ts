// Media rendering (post cards and scene frames, speech, captions, video), provenance marking, media storage and the
// remote media providers. Offline defaults do real work: satori + resvg, espeak-ng, ffmpeg.
export * from './types';
export * from './image';
export * from './provenance';
export * from './speech';
export * from './captions';
export * from './video';
export * from './tools';
export * from './storage';
export * from './providers';
