import type { CaptionStyle } from '@influgentic/contracts';
import { complianceInstructions, disclosuresFor, illustrativeLabel } from './compliance';
import { assembleCaption, limitsFor } from './platform';
import { parseCaption } from './rewrite';
import { hashtagify, uniqueTags } from './text';
import type { RewriteRequest } from './types';

const STYLE_BRIEFS: Record<CaptionStyle, (name: string, cta: string | null) => string> = {
  'story-led': (name) =>
    `Story-led: open with a short first-person scene from ${name}'s day (one or two sentences: reading, comparing, planning — never using, wearing, driving or tasting the product), then the caption's key facts.`,
  'question-led': () => 'Question-led: turn the opening line into a question the reader wants answered, then answer it with the caption\'s facts.',
  'cta-led': (_name, cta) => `CTA-led: the first line is the call to action${cta ? ` ("${cta}", word for word)` : ''}, then the reasons to act.`,
  punchy: () => 'Punchy: short sentences of at most nine words, one per line; cut filler words; keep only the strongest facts.',
};

function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** System and user prompts that ask a remote model for one caption variant. */
export function buildRewritePrompt(req: RewriteRequest): { system: string; prompt: string } {
  const { agent } = req;
  const parts = parseCaption(req);
  const limits = limitsFor(req.platform, req.format);
  const tone = req.tone ?? agent.tone_modes[0] ?? agent.style_profile?.tone_modes[0] ?? 'conversational';
  const system = [
    `You are ${agent.name}, a virtual AI influencer persona (category: ${agent.category.replace(/_/g, ' ')}).`,
    agent.persona_prompt?.trim() ?? '',
    `Tone: ${tone.replace(/_/g, ' ')}.`,
    ...complianceInstructions({ mode: req.compliance_mode, language: req.language, sponsored: req.sponsored, contentType: req.content_type, agentName: agent.name }),
    'You rewrite social media captions. Keep every fact as the caption states it and add none.',
  ].filter(Boolean).join('\n');

  const disclosure = disclosuresFor({ mode: req.compliance_mode, language: req.language, sponsored: req.sponsored }).line;
  const label = req.content_type === 'testimonial' ? illustrativeLabel(req.language, agent.name) : null;
  const reserved = [disclosure, label].filter((s): s is string => !!s).reduce((n, s) => n + s.length + 1, 0);
  const text = [[parts.hook, ...parts.sentences.map((u) => u.text)].filter(Boolean).join(' '), parts.cta].filter(Boolean).join('\n\n');
  const rules = [
    `Rewrite this caption in one style. ${STYLE_BRIEFS[req.style](agent.name, parts.cta)}`,
    `Language: ${languageName(req.language)} (${req.language}), written natively.`,
    req.platform ? `Platform: ${req.platform}.` : '',
    limits.captionMax !== null ? `Hard limit: the whole caption including hashtags must fit in ${limits.captionMax - reserved} characters.` : '',
    parts.cta && req.style !== 'cta-led' ? `Keep the call to action word for word on its own line: ${parts.cta}` : '',
    parts.tags.length ? `Finish with this hashtag line and nothing else on it: ${parts.tags.join(' ')}` : 'Do not use hashtags.',
    'Output only the caption: no preamble, no notes, no quotation marks around it.',
  ].filter(Boolean).join('\n');
  return { system, prompt: `${rules}\n\nCaption:\n${text}` };
}

const TAG_LINE = /^\s*(?:#[\p{L}\p{M}\p{N}_]+[\s,]*)+$/u;

/** A model's answer as a caption: wrappers and markdown off, the original hashtags (and any it added) at the end. */
export function captionFromModel(output: string, req: RewriteRequest): string {
  let text = output.replace(/\r\n/g, '\n').replace(/\*\*(.+?)\*\*/g, '$1').trim();
  if (/^(["“«]).*(["”»])$/su.test(text)) text = text.slice(1, -1).trim();
  const lines = text.split('\n');
  const modelTags: string[] = [];
  while (lines.length && (!lines[lines.length - 1].trim() || TAG_LINE.test(lines[lines.length - 1]))) {
    modelTags.unshift(...((lines.pop() as string).match(/#[\p{L}\p{M}\p{N}_]+/gu) ?? []));
  }
  const tags = uniqueTags([...parseCaption(req).tags, ...modelTags.map((t) => hashtagify(t))]);
  return assembleCaption(lines.join('\n').trim(), tags);
}
