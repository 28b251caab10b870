// Captions: a script split into cue-sized segments, cue timing, and SubRip / WebVTT files.
export * from './split-script';
export * from './timing';
export { CaptionParseError, formatTimestamp, parseTimestamp } from './timestamps';
export * from './srt';
export * from './vtt';
