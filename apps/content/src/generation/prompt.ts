import type { ContentFormat, ContentType } from '@influgentic/contracts';
import { complianceInstructions, disclosuresFor } from './compliance';
import { assembleCaption, limitsFor, POST_FORMATS } from './platform';
import type { ContentSection, GeneratedContent, GenerationRequest } from './types';
import { hashtagify, humanizeAudience, truncateOnWord, uniqueTags } from './text';

const TYPE_BRIEFS: Record<ContentType, string> = {
  product_review: 'an expert product review with pros, cons and a clear recommendation, based on the brand’s specifications and claims',
  product_launch: 'a launch announcement that builds excitement for a new product',
  testimonial: 'a recommendation in the persona’s own illustrative voice (never a customer’s), explaining why the product fits',
  lead_magnet: 'value-driven content that makes people sign up or request the offer',
  trivia: 'engagement-driving trivia; every question comes with its answer',
  collab_content: 'co-branded content announcing a collaboration between the persona and the partner',
};

const FORMAT_BRIEFS: Record<ContentFormat, string> = {
  post: 'a social media post',
  social_post: 'a social media post',
  instagram_caption: 'an Instagram caption: a strong first line (the feed cuts after about 125 characters), short paragraphs with line breaks',
  tiktok_caption: 'a TikTok caption: short and punchy',
  x_post: 'a single post on X',
  linkedin_post: 'a LinkedIn post: professional, short paragraphs, ending with a question to the reader',
  youtube_description: 'a YouTube description: the hook in the first two lines, then details and chapters with timestamps starting at 0:00',
  video_script: 'a short vertical video script: scenes headed like "[0:00–0:03] Hook", each with "Visual:", "On-screen text:" and "Voiceover:" lines',
  article: 'a blog article with short headed sections',
  thread: 'a thread of numbered posts ("1/5 …"), separated by blank lines',
  press_release: 'a press release: headline, dateline and lead paragraph, body, key features, a quote attributed to the persona as an AI creator, an "About" paragraph on the persona, ending with ###',
  quote: 'a short quote in the persona’s voice, attributed to the persona',
  review: 'a structured written recommendation with reasons, things to consider and a recommendation',
  landing_copy: 'landing page copy: headline, subheadline, benefit bullets, who it is for, a button label',
  email: 'a marketing email: greeting, short body with benefit bullets, one call to action, sign-off and a P.S.',
  question: 'a single trivia question post with options, followed by the answer',
  quiz: 'a quiz with multiple-choice questions and an answer key at the end',
  joint_announcement: 'a joint announcement of a collaboration',
};

const TITLED = new Set<ContentFormat>(['article', 'press_release', 'email', 'landing_copy', 'video_script', 'quiz', 'review', 'youtube_description', 'joint_announcement']);

const WORDS = {
  post: { short: 40, medium: 90, long: 170 },
  document: { short: 180, medium: 400, long: 800 },
};

const VIDEO_SECONDS = { short: 15, medium: 30, long: 60 };

function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** System and user prompts for a remote model; the same brief the template engine works from. */
export function buildPrompt(req: GenerationRequest): { system: string; prompt: string } {
  const { agent, product } = req;
  const style = agent.style_profile;
  const limits = limitsFor(req.platform, req.format);
  const tone = req.tone ?? agent.tone_modes[0] ?? style?.tone_modes[0] ?? 'conversational';
  const system = [
    `You are ${agent.name}, a virtual AI influencer persona (category: ${agent.category.replace(/_/g, ' ')}).`,
    agent.persona_prompt?.trim() ?? '',
    agent.expertise_domains.length ? `Expertise: ${agent.expertise_domains.join(', ')}.` : '',
    `Tone: ${tone.replace(/_/g, ' ')}.`,
    style ? `Style: ${style.formality} register, ${style.sentence_length} sentences, emoji use ${style.emoji_level}.` : '',
    style?.keywords.length ? `Words you like to use: ${style.keywords.join(', ')}.` : '',
    style?.signature_phrases.length ? `Signature phrases (use at most one, only where it fits): ${style.signature_phrases.join(' | ')}.` : '',
    ...complianceInstructions({ mode: req.compliance_mode, language: req.language, sponsored: req.sponsored, contentType: req.content_type, agentName: agent.name }),
    'Write like a human social media editor: concrete, no filler, no clichés, no markdown emphasis.',
  ].filter(Boolean).join('\n');

  const isPost = POST_FORMATS.has(req.format);
  const disclosure = disclosuresFor({ mode: req.compliance_mode, language: req.language, sponsored: req.sponsored }).line;
  const tagCount = Math.min(limits.maxHashtags, limits.recommendedHashtags + (req.length === 'long' ? 2 : 0));
  const brief = [
    `Product: ${product.name}${product.brand ? ` by ${product.brand}` : ''}.`,
    product.description ? `Description: ${product.description}` : '',
    product.key_claims.length ? `Key claims (the brand’s own; state them as such, do not add new ones): ${product.key_claims.join('; ')}.` : '',
    product.key_features?.length ? `Key features: ${product.key_features.join('; ')}.` : '',
    `Made for: ${product.target_use}.`,
    product.target_audience ? `Audience: ${humanizeAudience(product.target_audience)}.` : '',
    product.price ? `Price: ${product.price}${product.currency ? ` ${product.currency}` : ''}.` : '',
    product.partner ? `Collaboration partner: ${product.partner}.` : '',
    product.url ? `Link: ${product.url}` : '',
    product.promo_code ? `Promo code: ${product.promo_code}` : '',
    req.campaign_name ? `Campaign: ${req.campaign_name}.` : '',
    req.topic ? `Trending topic to weave in (name it in the text): ${req.topic}.` : '',
    req.guidance ? `Brand guidance for this piece: ${req.guidance}` : '',
  ].filter(Boolean).join('\n');

  const rules = [
    `Write ${TYPE_BRIEFS[req.content_type]}, as ${FORMAT_BRIEFS[req.format]}.`,
    `Language: ${languageName(req.language)} (${req.language}); write it natively, not as a translation.`,
    req.format === 'video_script'
      ? `Length: about ${VIDEO_SECONDS[req.length]} seconds of video.`
      : `Length: about ${(isPost ? WORDS.post : WORDS.document)[req.length]} words.`,
    req.platform ? `Platform: ${req.platform}.` : '',
    limits.captionMax !== null && isPost
      ? `Hard limit: the whole post including hashtags must fit in ${limits.captionMax - (disclosure ? disclosure.length + 1 : 0)} characters.`
      : '',
    req.format === 'thread' ? `Each post must fit in ${limits.threadPostMax} characters.` : '',
    req.caption_style ? `Open in a ${req.caption_style} way.` : '',
    TITLED.has(req.format) ? `Put the ${req.format === 'email' ? 'subject line' : 'title'} on the first line, starting with "# ".` : 'Do not add a title.',
    req.include_cta ? 'End the text with one call to action on its own line.' : 'Do not add a call to action.',
    tagCount > 0 ? `Finish with one line of ${tagCount} relevant hashtags and nothing else on it.` : 'Do not use hashtags.',
    'Output only the finished piece: no preamble, no notes, no quotation marks around it.',
  ].filter(Boolean).join('\n');

  return { system, prompt: `${brief}\n\n${rules}` };
}

const TAG_LINE = /^\s*(?:#[\p{L}\p{M}\p{N}_]+[\s,]*)+$/u;
const SCENE = /^\[(\d+):(\d{2})\s*[–-]\s*(\d+):(\d{2})\]\s*(.*)$/u;

/**
 * Turns a model's plain text back into the structured piece: `# ` title line, trailing hashtag line, CTA as the last
 * line, thread posts and video scenes as sections. Tolerant: a model that ignores the layout still yields a piece.
 */
export function structureFromText(text: string, req: GenerationRequest): GeneratedContent {
  let lines = text.replace(/\r\n/g, '\n').replace(/\*\*(.+?)\*\*/g, '$1').trim().split('\n');
  let title: string | null = null;
  const first = lines.findIndex((l) => l.trim());
  if (first >= 0 && /^#{1,3}\s+\S/.test(lines[first]) && !TAG_LINE.test(lines[first])) {
    title = lines[first].replace(/^#{1,3}\s+/, '').trim();
    lines = lines.slice(first + 1);
  }
  const tags: string[] = [];
  while (lines.length && (!lines[lines.length - 1].trim() || TAG_LINE.test(lines[lines.length - 1]))) {
    const line = lines.pop() as string;
    tags.unshift(...(line.match(/#[\p{L}\p{M}\p{N}_]+/gu) ?? []));
  }
  const body = lines.join('\n').replace(/^\s*\n/, '').trimEnd();
  const nonEmpty = lines.filter((l) => l.trim());
  const cta = req.include_cta && nonEmpty.length > 1 ? nonEmpty[nonEmpty.length - 1].trim() : null;
  const hashtags = uniqueTags(tags.map((t) => hashtagify(t))).slice(0, 30);

  let sections: ContentSection[] | undefined;
  if (req.format === 'thread') {
    sections = body.split(/\n\s*\n/).map((t) => t.trim()).filter(Boolean).map((t) => ({ kind: 'post', heading: null, text: t }));
  } else if (req.format === 'video_script') {
    sections = [];
    for (const block of body.split(/\n(?=\[\d+:\d{2})/)) {
      const [head, ...rest] = block.trim().split('\n');
      const m = SCENE.exec(head ?? '');
      if (!m) continue;
      sections.push({
        kind: 'scene', heading: head.trim(), text: rest.join('\n').trim(),
        timing: { start: Number(m[1]) * 60 + Number(m[2]), end: Number(m[3]) * 60 + Number(m[4]) },
      });
    }
    if (!sections.length) sections = undefined;
  }

  let caption: string;
  if (POST_FORMATS.has(req.format)) {
    caption = assembleCaption(body, hashtags);
  } else {
    // Documents are shared with a short teaser: the opening paragraph and the CTA.
    const opening = (req.format === 'thread' ? sections?.[0]?.text : body.split(/\n\s*\n/).find((p) => p.trim() && !SCENE.test(p.trim()))) ?? body;
    const teaser = [truncateOnWord(opening.trim(), 240), cta && !opening.includes(cta) ? cta : null].filter(Boolean).join('\n\n');
    caption = assembleCaption(teaser, hashtags);
  }
  return { title, body: body || text.trim(), caption, hashtags, cta, ...(sections ? { sections } : {}) };
}
