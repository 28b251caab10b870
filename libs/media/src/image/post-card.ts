import type { ProvenanceInfo } from '../provenance/provenance.types';
import { AgentLook, AspectRatio, IMAGE_SIZES } from '../types';
import { cardBackground, decorationColour, displayHandle, frameProvenance, initialsOf } from './card-parts';
import { div, SatoriElement, textBlock } from './element';
import { fontFamilyFor } from './fonts';
import { resolvePalette } from './palette';
import { renderPng } from './render-png';
import { drawableText, fitText } from './text-fit';

export interface PostCardInput {
  agent: AgentLook;
  aspectRatio: AspectRatio;
  caption: string;
  hashtags?: string[];
  /** Always shown in a band at the bottom, e.g. "#ad · AI-generated". */
  disclosure: string;
  /** Added to the PNG's provenance marking (the agent's name and handle are always there). */
  provenance?: ProvenanceInfo;
}

const LINE_HEIGHT = 1.3;

/** A post image at `IMAGE_SIZES[aspectRatio]`: agent, caption shrunk to fit, hashtags and the disclosure band. */
export async function renderPostCard(input: PostCardInput): Promise<Buffer> {
  const size = IMAGE_SIZES[input.aspectRatio];
  return renderPng(postCardElement(input), size, frameProvenance(input.agent, input.provenance));
}

/** The post card's element tree; sizes scale with the short side (1 unit = 1 px at 1080). */
export function postCardElement(input: PostCardInput): SatoriElement {
  const { width, height } = IMAGE_SIZES[input.aspectRatio];
  const unit = Math.min(width, height) / 1080;
  const palette = resolvePalette(input.agent);
  const padding = 72 * unit;
  const gap = 40 * unit;
  const avatarSize = 104 * unit;
  const innerWidth = width - 2 * padding;

  const disclosure = fitText(drawableText(input.disclosure), { width: innerWidth, height: 2 * 36 * unit * LINE_HEIGHT }, {
    maxFontSize: Math.round(36 * unit),
    minFontSize: Math.round(26 * unit),
    lineHeight: LINE_HEIGHT,
    maxLines: 2,
  });
  const bandPadding = 22 * unit;
  const bandHeight = disclosure.lines * disclosure.fontSize * LINE_HEIGHT + 2 * bandPadding;

  const hashtags = (input.hashtags ?? []).map((tag) => drawableText(tag).replace(/^#*/, '#')).filter((tag) => tag.length > 1);
  const hashtagSize = Math.round(36 * unit);
  const hashtagHeight = hashtags.length ? 2 * hashtagSize * LINE_HEIGHT : 0;

  const captionHeight = height - bandHeight - 2 * padding - avatarSize - gap - (hashtags.length ? hashtagHeight + gap : 0);
  const caption = fitText(drawableText(input.caption), { width: innerWidth, height: captionHeight }, {
    maxFontSize: Math.round(88 * unit),
    minFontSize: Math.round(38 * unit),
    lineHeight: LINE_HEIGHT,
  });

  const handle = displayHandle(input.agent.handle);
  const decoration = decorationColour(palette);
  return div(
    {
      width,
      height,
      flexDirection: 'column',
      position: 'relative',
      backgroundImage: cardBackground(palette, decoration, '88% 42%'),
      color: palette.text,
      fontFamily: fontFamilyFor(input.agent.language),
    },
    div(
      { flexDirection: 'column', flexGrow: 1, padding, gap },
      div(
        { flexDirection: 'row', alignItems: 'center', gap: 28 * unit, height: avatarSize },
        div(
          {
            width: avatarSize,
            height: avatarSize,
            flexShrink: 0,
            borderRadius: '50%',
            alignItems: 'center',
            justifyContent: 'center',
            backgroundColor: palette.band,
            color: palette.onBand,
            fontSize: 42 * unit,
            fontWeight: 700,
          },
          initialsOf(input.agent.name) || '·',
        ),
        div(
          { flexDirection: 'column', width: innerWidth - avatarSize - 28 * unit },
          textBlock(drawableText(input.agent.name), 1, { fontSize: 46 * unit, fontWeight: 700, lineHeight: 1.2 }),
          handle && textBlock(handle, 1, { fontSize: 32 * unit, lineHeight: 1.3 }),
        ),
      ),
      div(
        { flexDirection: 'column', justifyContent: 'center', width: innerWidth, height: captionHeight, overflow: 'hidden' },
        textBlock(caption.text, caption.lines, { fontSize: caption.fontSize, lineHeight: LINE_HEIGHT, width: innerWidth }),
      ),
      hashtags.length > 0 &&
        textBlock(hashtags.join(' '), 2, {
          fontSize: hashtagSize,
          fontWeight: 700,
          lineHeight: LINE_HEIGHT,
          color: palette.highlight,
          width: innerWidth,
        }),
    ),
    div(
      {
        width,
        height: bandHeight,
        flexShrink: 0,
        alignItems: 'center',
        paddingLeft: padding,
        paddingRight: padding,
        backgroundColor: palette.band,
        color: palette.onBand,
      },
      textBlock(disclosure.text, disclosure.lines, {
        fontSize: disclosure.fontSize,
        fontWeight: 700,
        lineHeight: LINE_HEIGHT,
        width: innerWidth,
      }),
    ),
  );
}
