// Text generation for the content service: the port, the offline engine, the remote adapters, platform limits and
// compliance. The service builds a GenerationRequest, streams from a TextGenerator, then calls finalizeForRequest.
export * from './types';
export { TemplateEngine, TEMPLATE_MODEL, TEMPLATE_LANGUAGES, type TemplateEngineOptions } from './template-engine';
export { compose } from './compose';
export { AiSdkTextGenerator, toGenerationError, type AiSdkGeneratorOptions } from './ai-sdk-generator';
export {
  createTextGenerator, llmConfigFromEnv, resolveLlmConfig, LLM_PROVIDERS, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS,
  type LlmConfig, type LlmProvider, type ResolvedLlmConfig, type CreateTextGeneratorDeps,
} from './config';
export {
  applyCompliance, disclosuresFor, captionDisclosureLine, illustrativeLabel, complianceInstructions, findRiskyClaims, claimsFirstHandUse, inventsCustomer,
  type ComplianceContext, type ComplianceFlag, type ComplianceFlagCode, type ComplianceInput, type ComplianceResult, type Disclosures,
} from './compliance';
export { fitToPlatform, limitsFor, platformViolations, assembleCaption, countHashtags, POST_FORMATS, type EffectiveLimits, type FitOptions } from './platform';
export { finalizeContent, finalizeForRequest, complianceContextFor, type FinalContent } from './finalize';
export { buildPrompt, structureFromText } from './prompt';
export { generatedContentSchema, contentSectionSchema } from './schema';
export { createTextStream, startedEarly } from './stream';
export { estimateTokens, xWeightedLength, truncateOnWord } from './text';
export { buildGenerationRequest, personaFromAgent, type AgentInput, type CampaignInput, type ContentRequestInput } from './request';
export { rewriteCaption, finalizeRewrite, parseCaption, type CaptionParts } from './rewrite';
export { buildRewritePrompt, captionFromModel } from './rewrite-prompt';
