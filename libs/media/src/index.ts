// Media rendering (image cards, speech, captions, video), provenance marking, media storage and remote media providers.
export {};
