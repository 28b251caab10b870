// Video: frames, speech and captions assembled into an MP4 with ffmpeg, and checks of the result.
export * from './assemble';
export * from './probe';
export * from './faststart';
export { iso639_2 } from './languages';
export { encodedSeconds } from './progress';
