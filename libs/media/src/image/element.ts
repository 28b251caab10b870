// Satori's element tree in its plain-object form ({ type, props: { style, children } }), so no JSX or React is needed.

export type Style = Record<string, string | number>;

export interface SatoriElement {
  type: string;
  props: { style?: Style; children?: SatoriChild | SatoriChild[] };
}

export type SatoriChild = SatoriElement | string;

/** A `div` with a style and children; null and false children are left out, so optional parts read naturally. */
export function div(style: Style, ...children: Array<SatoriChild | null | false | undefined>): SatoriElement {
  const kept = children.filter((child): child is SatoriChild => child !== null && child !== false && child !== undefined);
  return { type: 'div', props: { style: { display: 'flex', ...style }, children: kept.length === 1 ? kept[0] : kept } };
}

/**
 * A block of text clamped to `lines` lines with an ellipsis (satori's line-clamp needs `display: block`).
 */
export function textBlock(text: string, lines: number, style: Style): SatoriElement {
  return {
    type: 'div',
    props: { style: { display: 'block', lineClamp: lines, overflow: 'hidden', ...style }, children: text },
  };
}
