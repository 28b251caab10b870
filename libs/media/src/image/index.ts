// Offline images: post cards and video scene frames drawn with satori and rasterised by resvg, every PNG marked as
// AI-generated (see ../provenance).
export { renderPostCard } from './post-card';
export type { PostCardInput } from './post-card';
export { renderSceneFrame, SCENE_HUE_STEP } from './scene-frame';
export type { SceneFrameInput } from './scene-frame';
export { contrastRatio, MIN_TEXT_CONTRAST, readableTextColour } from './color';
export { resolvePalette } from './palette';
export type { CardPalette } from './palette';
