import { renderAsync } from '@resvg/resvg-js';
import satori from 'satori';
import { markPng } from '../provenance/png';
import type { ProvenanceInfo } from '../provenance/provenance.types';
import type { SatoriElement } from './element';
import { loadFonts } from './fonts';

/** Lays the element tree out with satori, rasterises the SVG with resvg and marks the PNG as AI-generated. */
export async function renderPng(
  root: SatoriElement,
  size: { width: number; height: number },
  provenance: ProvenanceInfo,
): Promise<Buffer> {
  // satori's typings name React's node type; the plain-object tree is what it accepts at run time.
  const svg = await satori(root as unknown as Parameters<typeof satori>[0], { ...size, fonts: loadFonts() });
  // Text is already turned into paths by satori, so resvg needs no system fonts (scanning them costs time). Rasterised
  // on libuv's thread pool: the service's event loop keeps answering requests while a video's frames are drawn.
  const png = (await renderAsync(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } })).asPng();
  return markPng(png, provenance);
}
