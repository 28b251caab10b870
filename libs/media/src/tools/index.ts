// Finding and running the external programs media jobs need: ffmpeg, ffprobe and espeak-ng.
export * from './media-tools';
export * from './run-process';
