import type { ProvenanceInfo } from '../provenance/provenance.types';
import { AgentLook, AspectRatio, VIDEO_SIZES } from '../types';
import { cardBackground, decorationColour, frameProvenance } from './card-parts';
import { composite } from './color';
import { div, SatoriElement, textBlock } from './element';
import { fontFamilyFor } from './fonts';
import { resolvePalette } from './palette';
import { renderPng } from './render-png';
import { drawableText, fitText, headlineFrom } from './text-fit';

export interface SceneFrameInput {
  agent: AgentLook;
  aspectRatio: AspectRatio;
  /** 0-based position of the scene in the video; each scene gets its own hue and layout accent. */
  sceneIndex: number;
  /** What the scene shows; its first sentence becomes the headline. */
  sceneDescription: string;
  /** The spoken line burned in for this moment, or null between lines. */
  caption: string | null;
  /** Banner across the top, e.g. "#ad · AI-generated"; pass it for the opening seconds and null after. */
  disclosure: string | null;
  /** Added to the PNG's provenance marking (the agent's name and handle are always there). */
  provenance?: ProvenanceInfo;
  /** Pixel size when not `VIDEO_SIZES[aspectRatio]`, e.g. 1080x1920 for a full-HD render; layout scales with it. */
  size?: { width: number; height: number };
}

/** Degrees the background turns from one scene to the next: far enough to tell scenes apart, never a full repeat soon. */
export const SCENE_HUE_STEP = 47;

/** Caption boxes are near-black and translucent, the subtitle convention; white text on them stays far above 4.5:1. */
export const CAPTION_BOX = { colour: '#000000', alpha: 0.8, text: '#ffffff' } as const;

/** Where the disc sits, by scene, so consecutive scenes differ in shape as well as hue. */
const DISC_POSITIONS = ['85% 22%', '12% 40%', '82% 58%', '20% 18%', '70% 80%'];

const LINE_HEIGHT = 1.25;

/** A video frame at `VIDEO_SIZES[aspectRatio]`: headline, burned-in caption, optional disclosure, agent watermark. */
export async function renderSceneFrame(input: SceneFrameInput): Promise<Buffer> {
  return renderPng(sceneFrameElement(input), sceneFrameSize(input), frameProvenance(input.agent, input.provenance));
}

export function sceneFrameSize(input: Pick<SceneFrameInput, 'aspectRatio' | 'size'>): { width: number; height: number } {
  return input.size ?? VIDEO_SIZES[input.aspectRatio];
}

/** The colour the caption box shows over the lightest possible background, for contrast checks. */
export function captionBoxOver(background: string): string {
  return composite(CAPTION_BOX.colour, CAPTION_BOX.alpha, background);
}

/** The scene frame's element tree; sizes scale with the short side (1 unit = 1 px at 720). */
export function sceneFrameElement(input: SceneFrameInput): SatoriElement {
  const { width, height } = sceneFrameSize(input);
  const unit = Math.min(width, height) / 720;
  const scene = Math.max(0, Math.floor(input.sceneIndex));
  const palette = resolvePalette(input.agent, scene * SCENE_HUE_STEP);
  const padding = 44 * unit;
  const innerWidth = width - 2 * padding;
  const portrait = height > width;

  const disclosureText = input.disclosure ? drawableText(input.disclosure) : '';
  const banner = disclosureText
    ? fitText(disclosureText, { width: innerWidth, height: 2 * 28 * unit * LINE_HEIGHT }, {
        maxFontSize: Math.round(28 * unit),
        minFontSize: Math.round(20 * unit),
        lineHeight: LINE_HEIGHT,
        maxLines: 2,
      })
    : null;
  const bannerPadding = 14 * unit;
  const bannerHeight = banner ? banner.lines * banner.fontSize * LINE_HEIGHT + 2 * bannerPadding : 0;

  const headline = fitText(headlineFrom(input.sceneDescription), { width: innerWidth, height: (portrait ? 0.3 : 0.34) * height }, {
    maxFontSize: Math.round((portrait ? 64 : 58) * unit),
    minFontSize: Math.round(34 * unit),
    lineHeight: 1.15,
    maxLines: 4,
  });

  // The caption sits in the lower third, above the area platforms cover with their own buttons and text.
  const captionBottom = (portrait ? 0.17 : 0.1) * height;
  const captionPaddingX = 24 * unit;
  const captionText = input.caption ? drawableText(input.caption) : '';
  const caption = captionText
    ? fitText(captionText, { width: innerWidth - 2 * captionPaddingX, height: 3 * 52 * unit * LINE_HEIGHT }, {
        maxFontSize: Math.round(52 * unit),
        minFontSize: Math.round(34 * unit),
        lineHeight: LINE_HEIGHT,
        maxLines: 3,
      })
    : null;

  const watermarkSize = Math.round(22 * unit);
  return div(
    {
      width,
      height,
      flexDirection: 'column',
      position: 'relative',
      backgroundImage: cardBackground(palette, decorationColour(palette), DISC_POSITIONS[scene % DISC_POSITIONS.length]),
      color: palette.text,
      fontFamily: fontFamilyFor(input.agent.language),
    },
    banner &&
      div(
        {
          width,
          height: bannerHeight,
          flexShrink: 0,
          alignItems: 'center',
          justifyContent: 'center',
          paddingLeft: padding,
          paddingRight: padding,
          backgroundColor: palette.band,
          color: palette.onBand,
        },
        textBlock(banner.text, banner.lines, { fontSize: banner.fontSize, fontWeight: 700, lineHeight: LINE_HEIGHT, textAlign: 'center' }),
      ),
    div(
      { flexDirection: 'column', paddingLeft: padding, paddingRight: padding, paddingTop: (portrait ? 96 : 48) * unit },
      textBlock(headline.text, headline.lines, {
        fontSize: headline.fontSize,
        fontWeight: 700,
        lineHeight: 1.15,
        width: innerWidth,
      }),
    ),
    caption &&
      div(
        { position: 'absolute', left: padding, width: innerWidth, bottom: captionBottom, justifyContent: 'center' },
        div(
          {
            backgroundColor: `rgba(0, 0, 0, ${CAPTION_BOX.alpha})`,
            color: CAPTION_BOX.text,
            borderRadius: 18 * unit,
            paddingTop: 12 * unit,
            paddingBottom: 14 * unit,
            paddingLeft: captionPaddingX,
            paddingRight: captionPaddingX,
            maxWidth: innerWidth,
          },
          textBlock(caption.text, caption.lines, {
            fontSize: caption.fontSize,
            fontWeight: 700,
            lineHeight: LINE_HEIGHT,
            textAlign: 'center',
          }),
        ),
      ),
    div(
      { position: 'absolute', right: padding, bottom: 0.035 * height, maxWidth: innerWidth / 2 },
      textBlock(drawableText(input.agent.name), 1, { fontSize: watermarkSize, fontWeight: 700, lineHeight: 1.2 }),
    ),
  );
}
