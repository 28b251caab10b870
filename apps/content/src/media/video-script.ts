import type { ContentSection } from '../generation';
import { PHRASE_PACKS } from '../generation/phrases';

/** One scene of a video: what is shown as its headline and what is spoken over it. */
export interface VideoScene {
  headline: string;
  voiceover: string;
}

type LineKind = 'visual' | 'onScreen' | 'voiceover';

/** The scene line labels of every language the platform writes ("Voiceover:", "Sprecher:", …), lower-cased. */
const LABELS: ReadonlyArray<[string, LineKind]> = Object.values(PHRASE_PACKS).flatMap((p) => [
  [p.labels.visual.toLowerCase(), 'visual'], [p.labels.onScreen.toLowerCase(), 'onScreen'], [p.labels.voiceover.toLowerCase(), 'voiceover'],
] as Array<[string, LineKind]>);

function labelled(line: string): { kind: LineKind; text: string } | null {
  const m = /^\s*([^:]{2,40}?)\s*:\s*(.*)$/u.exec(line);
  if (!m) return null;
  const label = m[1].replace(/\*/g, '').trim().toLowerCase();
  const hit = LABELS.find(([l]) => l === label);
  return hit ? { kind: hit[1], text: m[2].trim() } : null;
}

/**
 * The scenes of a generated video script (sections headed "[0:00–0:03] Hook" with Visual / On-screen text /
 * Voiceover lines, in any of the platform's languages). A scene without a voiceover line speaks its unlabelled text;
 * one without on-screen text shows its heading. Scenes with nothing to say are dropped.
 */
export function scenesFromScript(sections: readonly ContentSection[] | null | undefined): VideoScene[] {
  const scenes: VideoScene[] = [];
  for (const s of sections ?? []) {
    if (s.kind !== 'scene') continue;
    let onScreen = '';
    let voice = '';
    const loose: string[] = [];
    for (const line of s.text.split('\n')) {
      const l = labelled(line);
      if (!l) {
        if (line.trim()) loose.push(line.trim());
      } else if (l.kind === 'voiceover') voice = voice ? `${voice} ${l.text}` : l.text;
      else if (l.kind === 'onScreen') onScreen = l.text;
    }
    const voiceover = (voice || loose.join(' ')).trim();
    if (!voiceover) continue;
    const heading = (s.heading ?? '').replace(/^\[[^\]]*\]\s*/, '').trim();
    scenes.push({ headline: onScreen || heading || voiceover, voiceover });
  }
  return scenes;
}

/**
 * Scenes from a script the caller wrote: one per paragraph, or per sentence pair when it is one paragraph, at most
 * `maxScenes`. The opening scene's headline is the scene description; later ones show their own first words.
 */
export function scenesFromText(script: string, sceneDescription: string, maxScenes = 6): VideoScene[] {
  const paragraphs = script.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  let parts = paragraphs;
  if (paragraphs.length === 1) {
    const sentences = paragraphs[0].match(/[^.!?।]+[.!?।]*\s*/gu)?.map((s) => s.trim()).filter(Boolean) ?? [paragraphs[0]];
    parts = [];
    for (let i = 0; i < sentences.length; i += 2) parts.push(sentences.slice(i, i + 2).join(' '));
  }
  if (parts.length > maxScenes) {
    const per = Math.ceil(parts.length / maxScenes);
    const merged: string[] = [];
    for (let i = 0; i < parts.length; i += per) merged.push(parts.slice(i, i + per).join(' '));
    parts = merged;
  }
  return parts.map((voiceover, i) => ({ headline: i === 0 ? headline(sceneDescription) : headline(voiceover), voiceover }));
}

/** A headline that fits a frame: the first sentence (or clause), at most about eight words. */
export function headline(text: string, maxWords = 8): string {
  const first = text.split(/(?<=[.!?।])\s/u)[0] ?? text;
  const words = first.replace(/\s+/g, ' ').trim().split(' ');
  return words.length <= maxWords ? words.join(' ') : `${words.slice(0, maxWords).join(' ')}…`;
}

/** The generation length whose script fills about `seconds` of video (the writer's timelines: ~15, ~30, ~60 s). */
export function lengthForDuration(seconds: number): 'short' | 'medium' | 'long' {
  return seconds <= 20 ? 'short' : seconds <= 40 ? 'medium' : 'long';
}

/**
 * Trims scenes to what can be spoken in `seconds` at a natural pace (about 2.6 words a second, allowing up to 3.4 when
 * the voice speeds up): whole scenes are kept while they fit, and a scene that does not fit is cut at a sentence end,
 * or at a word with an ellipsis. There is always at least one scene.
 */
export function fitScenes(scenes: readonly VideoScene[], seconds: number, wordsPerSecond = 3.0): VideoScene[] {
  const budget = Math.max(4, Math.floor(seconds * wordsPerSecond));
  const out: VideoScene[] = [];
  let used = 0;
  for (const scene of scenes) {
    const words = scene.voiceover.split(/\s+/).filter(Boolean);
    if (used + words.length <= budget) {
      out.push(scene);
      used += words.length;
      continue;
    }
    const room = budget - used;
    if (room >= 3 || out.length === 0) {
      const cut = words.slice(0, Math.max(3, room)).join(' ');
      const sentenceEnd = cut.search(/[.!?।][^.!?।]*$/u);
      const voiceover = sentenceEnd > cut.length / 2 ? cut.slice(0, sentenceEnd + 1) : `${cut.replace(/[,;:]$/, '')}…`;
      out.push({ headline: scene.headline, voiceover });
    }
    break;
  }
  return out;
}
