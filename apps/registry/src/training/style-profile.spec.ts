import { TONE_MODES } from '@influgentic/contracts';
import {
  MIN_MEANINGFUL_WORDS, consolidateTones, styleDefaultsForTones, trainAgent,
  type TrainAgentInput, type TrainAgentResult, type TrainedAgent,
} from './style-profile';

// The Agent Builder example of the source document.
const NOVA: TrainAgentInput = {
  name: 'NOVA',
  category: 'sustainable_fashion',
  persona_prompt: 'NOVA is a forward-thinking AI influencer specializing in sustainable fashion, circular economy, and '
    + 'eco-conscious lifestyle brands. Expert in certifications (GOTS, OEKO-TEX), supply chain transparency, and '
    + 'connecting conscious consumers with ethical brands. Tone: knowledgeable, inspiring, never preachy.',
  expertise_domains: ['sustainable textiles', 'circular fashion', 'conscious consumerism'],
  target_audience: 'eco_conscious_millennials',
  languages: ['en', 'fr', 'de'],
  use_cases: ['product_review', 'brand_launch'],
};

function trained(input: TrainAgentInput): TrainedAgent {
  const result: TrainAgentResult = trainAgent(input);
  if (!result.ok) throw new Error(`expected training to succeed: ${result.reason}`);
  return result;
}

function failure(input: Partial<TrainAgentInput>): string {
  const result = trainAgent({ name: 'TEST', category: 'tech', persona_prompt: '', ...input });
  if (result.ok) throw new Error('expected training to fail');
  return result.reason;
}

const persona = (body: string): TrainAgentInput => ({ name: 'KITE', category: 'tech', persona_prompt: body });

describe('trainAgent on the NOVA example', () => {
  const nova = trained(NOVA);
  const text = nova.keywords.join(' | ').toLowerCase();

  it('finds sustainable-fashion keywords', () => {
    expect(text).toContain('circular');
    expect(text).toContain('sustainable');
    expect(nova.keywords.some((k) => ['certifications', 'GOTS', 'OEKO-TEX'].includes(k))).toBe(true);
    expect(nova.keywords).toContain('GOTS'); // acronyms keep their case
    expect(nova.keywords).toContain('circular fashion'); // phrases, not just words
    expect(nova.style_profile.keywords.length).toBeGreaterThanOrEqual(5);
    expect(nova.style_profile.keywords.length).toBeLessThanOrEqual(12);
  });

  it('leaves stopwords, the name, boilerplate and tone words out of the keywords', () => {
    for (const w of ['nova', 'ai', 'influencer', 'and', 'in', 'with', 'the', 'tone', 'preachy', 'knowledgeable', 'inspiring',
      'expert', 'specializing']) {
      expect(nova.keywords.map((k) => k.toLowerCase())).not.toContain(w);
    }
  });

  it('reads the tone clause: inspiring and educational, and honours "never preachy"', () => {
    const tones = nova.style_profile.tone_modes;
    expect(tones).toContain('inspiring');
    expect(tones).toEqual(expect.arrayContaining(['educational']));
    expect(tones).not.toContain('preachy');
    for (const t of tones) expect(TONE_MODES).toContain(t);
    expect(nova.capabilities.tone_modes).toEqual(tones);
  });

  it('derives capabilities, subcategories, headline and the rest of the style profile', () => {
    expect(nova.use_cases).toEqual(['product_review', 'brand_launch']);
    expect(nova.capabilities.content_types).toEqual(expect.arrayContaining(['text', 'caption', 'review', 'press_release']));
    expect(nova.capabilities.languages).toBe(3);
    expect(nova.capabilities.real_time_streaming).toBe(true);
    expect(nova.subcategories).toEqual(expect.arrayContaining(['circular', 'certifications']));
    expect(nova.headline).toMatch(/^Sustainable fashion AI influencer with .+ expertise$/);
    expect(nova.headline).toMatch(/circular|sustainable|conscious/);
    expect(nova.style_profile.formality).toBe('neutral');
    expect(nova.style_profile.palette).toHaveLength(5);
    for (const c of nova.style_profile.palette) expect(c).toMatch(/^#[0-9A-F]{6}$/i);
    expect(nova.style_profile.signature_phrases.length).toBeGreaterThanOrEqual(1);
  });

  it('is deterministic', () => {
    expect(trainAgent(NOVA)).toEqual(trainAgent({ ...NOVA }));
    expect(trainAgent(NOVA)).toEqual(nova);
  });
});

describe('tone detection', () => {
  const tones = (body: string, extra: Partial<TrainAgentInput> = {}) =>
    trained({ ...persona(body), ...extra }).style_profile.tone_modes;
  const BASE = 'KITE reviews smartphones, laptops and smart home gadgets for students and early adopters, comparing battery life and value.';

  it('maps cue words to the platform tone modes', () => {
    expect(tones(`${BASE} Tone: witty, calm, technical.`)).toEqual(expect.arrayContaining(['witty', 'calm', 'technical']));
    expect(tones(`${BASE} Voice: high-energy and playful.`)).toEqual(expect.arrayContaining(['energetic', 'playful']));
  });

  it('merges expert and enthusiastic into expert_enthusiastic', () => {
    const t = tones(`${BASE} Tone: expert yet enthusiastic.`);
    expect(t).toContain('expert_enthusiastic');
    expect(t).not.toContain('expert');
    expect(t).not.toContain('enthusiastic');
  });

  it('honours negations until the clause ends', () => {
    const t = tones(`${BASE} Tone: warm and calm, never playful or sarcastic, but bold.`);
    expect(t).toEqual(expect.arrayContaining(['warm', 'calm', 'bold']));
    expect(t).not.toContain('playful');
    expect(t).not.toContain('witty');
  });

  it('does not take topic words outside the tone clause for a tone', () => {
    const t = tones('KITE covers luxury watches, premium headphones and luxury phones for collectors and reviewers worldwide. Tone: calm, warm.');
    expect(t).not.toContain('luxury');
  });

  it('puts explicitly requested tone modes first', () => {
    const t = tones(`${BASE} Tone: witty.`, { tone_modes: ['Technical', 'minimalist', 'not-a-tone'] });
    expect(t.slice(0, 2)).toEqual(['technical', 'minimalist']);
    expect(t).toContain('witty');
    expect(t).not.toContain('not-a-tone');
  });

  it('falls back to the category defaults when the persona names no tone', () => {
    expect(tones(BASE)).not.toHaveLength(0);
  });
});

describe('style signals', () => {
  const profile = (body: string) => trained(persona(body)).style_profile;
  const TOPIC = 'KITE reviews smartphones, laptops and smart home gadgets for students, gamers and early adopters.';

  it('formality', () => {
    expect(profile(`${TOPIC} Chatty, casual and friendly, it's like texting a mate!`).formality).toBe('casual');
    expect(profile(`${TOPIC} Formal, authoritative and precise in every comparison.`).formality).toBe('formal');
  });

  it('emoji level', () => {
    expect(profile(`${TOPIC} Loves lots of emojis 🎮🔥✨ in every caption.`).emoji_level).toBe('heavy');
    expect(profile(`${TOPIC} No emojis, ever.`).emoji_level).toBe('none');
  });

  it('sentence length', () => {
    expect(profile(`${TOPIC} Writes in short sentences.`).sentence_length).toBe('short');
    expect(profile(`${TOPIC} Known for in-depth, long-form comparisons.`).sentence_length).toBe('long');
  });

  it('signature phrases come from quoted lines, else from the category', () => {
    expect(profile(`${TOPIC} Always signs off with "Stay curious, stay charged."`).signature_phrases)
      .toEqual(['Stay curious, stay charged.']);
    expect(profile(TOPIC).signature_phrases.length).toBe(2);
  });

  it('tone defaults', () => {
    expect(styleDefaultsForTones(['luxury', 'editorial'])).toEqual({ formality: 'formal', sentence_length: 'long', emoji_level: 'none' });
    expect(styleDefaultsForTones(['playful', 'energetic'])).toEqual({ formality: 'casual', sentence_length: 'short', emoji_level: 'heavy' });
    expect(consolidateTones(['bold', 'expert', 'enthusiastic'])).toEqual(['bold', 'expert_enthusiastic']);
    expect(consolidateTones(['bold', 'expert'])).toEqual(['bold', 'expert']);
  });
});

describe('derived use cases and languages', () => {
  it('infers use cases from the persona when none are given', () => {
    const t = trained(persona('KITE reviews the latest smartphones and laptops, runs weekly trivia quizzes for students, and covers every big launch event.'));
    expect(t.use_cases).toEqual(expect.arrayContaining(['product_launch', 'product_review', 'trivia']));
    expect(t.capabilities.content_types).toEqual(expect.arrayContaining(['quiz', 'review', 'press_release']));
  });

  it('counts only supported languages, at least one', () => {
    const body = 'KITE reviews smartphones, laptops and smart home gadgets for students and early adopters everywhere.';
    expect(trained({ ...persona(body), languages: ['en', 'de', 'xx'] }).capabilities.languages).toBe(2);
    expect(trained(persona(body)).capabilities.languages).toBe(1);
  });
});

describe('other languages', () => {
  it('drops German stopwords', () => {
    const t = trained({
      name: 'LENA', category: 'sustainable_fashion',
      persona_prompt: 'LENA ist eine zukunftsorientierte KI-Influencerin für nachhaltige Mode, Kreislaufwirtschaft und faire '
        + 'Marken. Sie erklärt Zertifizierungen wie GOTS und zeigt, wie man eine Garderobe aufbaut, die lange hält. '
        + 'Ton: inspirierend, warmherzig, niemals belehrend.',
    });
    const kw = t.keywords.join(' ').toLowerCase().split(/\s+/);
    for (const w of ['und', 'die', 'eine', 'für', 'wie', 'sie']) expect(kw).not.toContain(w);
    expect(t.keywords).toContain('GOTS');
    expect(t.style_profile.tone_modes).toEqual(expect.arrayContaining(['inspiring', 'warm']));
  });

  it('splits Japanese text into words', () => {
    const t = trained({
      name: 'HANA', category: 'beauty',
      persona_prompt: 'HANAは敏感肌のためのスキンケアを専門とするAIインフルエンサーです。成分を丁寧に解説し、毎日のルーティンを提案します。',
    });
    expect(t.keywords).toEqual(expect.arrayContaining(['スキンケア', '敏感肌']));
  });
});

describe('unusable personas', () => {
  it('fails on an empty persona, name or unknown category', () => {
    expect(failure({ persona_prompt: '   ' })).toMatch(/empty/);
    expect(failure({ name: ' ', persona_prompt: NOVA.persona_prompt })).toMatch(/name/);
    expect(failure({ category: 'astrology', persona_prompt: NOVA.persona_prompt })).toMatch(/category/);
  });

  it('fails on too few meaningful words', () => {
    const reason = failure({ persona_prompt: 'An AI influencer who is really into the latest phones.' });
    expect(reason).toMatch(new RegExp(`at least ${MIN_MEANINGFUL_WORDS}`));
  });

  it('fails when the text is mostly symbols or digits', () => {
    expect(failure({ persona_prompt: '$$$ 1234 5678 !!! ### @@@ %%% 2024-01-01 ++ -- == 42 tech' })).toMatch(/symbols/);
  });

  it('fails on repeated words', () => {
    expect(failure({ persona_prompt: Array(40).fill('gadgets').join(' ') })).toMatch(/repeated/);
    expect(failure({ persona_prompt: 'phones phones phones phones phones phones laptops laptops laptops tablets' })).toMatch(/repeated/);
  });

  it('fails on a persona longer than 20,000 characters', () => {
    expect(failure({ persona_prompt: `${NOVA.persona_prompt} `.repeat(80) })).toMatch(/20000/);
  });
});
