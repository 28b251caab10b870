import { allowedFormats, CONTENT_TYPES, type ContentFormat, type ContentType } from '@influgentic/contracts';
import type { GenerationPersona, GenerationProduct, GenerationRequest } from '../types';

/** Personas with different registers, formality and emoji habits. */
export const PERSONAS: Record<'velo' | 'lumiere' | 'nova', GenerationPersona> = {
  velo: {
    id: 'agent_velo_automotive', name: 'VELO', category: 'automotive', persona_prompt: 'VELO explains electric cars with energy and precision.',
    tone_modes: ['expert_enthusiastic'], expertise_domains: ['EV technology', 'vehicle safety'], languages: ['en', 'de', 'fr', 'es', 'hi'],
    style_profile: {
      tone_modes: ['expert_enthusiastic'], keywords: ['electric', 'range'], sentence_length: 'medium', emoji_level: 'light',
      formality: 'casual', signature_phrases: ['Drive the future'], palette: [],
    },
    target_audience: 'tech_enthusiasts_25_45',
  },
  lumiere: {
    id: 'agent_lumiere_fashion', name: 'LUMIÈRE', category: 'fashion_lifestyle', persona_prompt: 'LUMIÈRE writes about high fashion with restraint.',
    tone_modes: ['luxury', 'editorial'], expertise_domains: ['couture', 'luxury retail'], languages: ['en', 'fr'],
    style_profile: {
      tone_modes: ['luxury'], keywords: ['atelier'], sentence_length: 'short', emoji_level: 'heavy', formality: 'formal',
      signature_phrases: [], palette: ['ivory'],
    },
  },
  nova: {
    id: 'agent_nova_custom_abc123', name: 'NOVA', category: 'sustainable_fashion', persona_prompt: null,
    tone_modes: [], expertise_domains: [], languages: ['en'], style_profile: null,
  },
};

/** The same product brief, written the way a brand team in each market would send it. */
export const PRODUCTS: Record<string, GenerationProduct> = {
  en: {
    name: 'EV Series X Pro', brand: 'Voltra', key_claims: ['800 km range', 'AI-assisted driving'], key_features: ['15-minute fast charging'],
    target_use: 'long-distance commuting', target_audience: 'tech_enthusiasts_25_45', price: '54900', currency: 'EUR',
  },
  de: {
    name: 'EV Series X Pro', brand: 'Voltra', key_claims: ['800 km Reichweite', 'KI-gestütztes Fahren'], key_features: ['Schnellladen in 15 Minuten'],
    target_use: 'Langstreckenpendeln', target_audience: 'technikbegeisterte Pendler', price: '54900', currency: 'EUR',
  },
  fr: {
    name: 'EV Series X Pro', brand: 'Voltra', key_claims: ['800 km d’autonomie', 'conduite assistée par IA'], key_features: ['recharge rapide en 15 minutes'],
    target_use: 'les longs trajets quotidiens', target_audience: 'les passionnés de technologie', price: '54900', currency: 'EUR',
  },
  es: {
    name: 'EV Series X Pro', brand: 'Voltra', key_claims: ['800 km de autonomía', 'conducción asistida por IA'], key_features: ['carga rápida en 15 minutos'],
    target_use: 'los trayectos largos', target_audience: 'amantes de la tecnología', price: '54900', currency: 'EUR',
  },
  hi: {
    name: 'EV Series X Pro', brand: 'Voltra', key_claims: ['800 किमी रेंज', 'एआई की मदद से ड्राइविंग'], key_features: ['15 मिनट में फ़ास्ट चार्जिंग'],
    target_use: 'रोज़ाना की लंबी ड्राइव', target_audience: 'टेक के शौकीन', price: '4999000', currency: 'INR',
  },
};

export const LANGS = ['en', 'de', 'fr', 'es', 'hi'] as const;

export function request(overrides: Partial<GenerationRequest> = {}): GenerationRequest {
  const language = overrides.language ?? 'en';
  return {
    agent: PERSONAS.velo, product: PRODUCTS[language] ?? PRODUCTS.en, content_type: 'product_review', format: 'instagram_caption',
    length: 'medium', language, platform: null, include_cta: true, tone: null, compliance_mode: 'standard', sponsored: true,
    seed: 1, date: '2025-03-12', ...overrides,
  };
}

/** Every (type, format) pair the contract allows. */
export function allPairs(): Array<[ContentType, ContentFormat]> {
  return CONTENT_TYPES.flatMap((t) => allowedFormats(t).map((f): [ContentType, ContentFormat] => [t, f]));
}

export const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;
