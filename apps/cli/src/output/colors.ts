import pc from 'picocolors';

export type Colors = ReturnType<typeof pc.createColors>;

/** Colours only for a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function colorsFor(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): Colors {
  const enabled = stream.isTTY === true && env.NO_COLOR === undefined;
  return pc.createColors(enabled);
}
