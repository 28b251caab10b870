// Machine-readable "AI-generated" marking (IPTC DigitalSourceType in XMP) for the PNG, WAV and MP4 files we make.
export { CREATOR_TOOL, TRAINED_ALGORITHMIC_MEDIA } from './provenance.types';
export type { ProvenanceFileKind, ProvenanceInfo, ProvenanceRecord } from './provenance.types';
export { buildXmpPacket, parseXmpPacket } from './xmp';
export { markPng, readPngProvenance } from './png';
export { markWav, readWavProvenance } from './wav';
export { markMp4File, readMp4Provenance, readMp4ProvenanceFile, XMP_UUID } from './mp4';
export { readProvenance } from './read-provenance';
