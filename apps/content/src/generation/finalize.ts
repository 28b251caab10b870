import type { ContentFormat, Platform } from '@influgentic/contracts';
import { applyCompliance, type ComplianceContext, type ComplianceFlag } from './compliance';
import { fitToPlatform } from './platform';
import type { GeneratedContent, GenerationRequest } from './types';

export interface FinalContent extends GeneratedContent {
  disclosures: string[];
  flags: ComplianceFlag[];
  requiresReview: boolean;
  review: { status: 'pending_review'; reasons: string[] } | null;
}

/** The compliance context a request implies (claims from the brief are checked too in strict mode). */
export function complianceContextFor(request: GenerationRequest): ComplianceContext {
  const { product } = request;
  return {
    mode: request.compliance_mode, language: request.language, sponsored: request.sponsored, contentType: request.content_type,
    format: request.format, agentName: request.agent.name,
    productClaims: [...product.key_claims, ...(product.key_features ?? []), product.description ?? ''].filter((c) => c.trim()),
  };
}

/**
 * The last step for any generator's output, offline or remote: compliance first (it adds the disclosure line and
 * removes what must not be said), then the platform fit, which keeps that line and counts it.
 */
export function finalizeContent(
  content: GeneratedContent, opts: { platform: Platform | null; format: ContentFormat; compliance: ComplianceContext },
): FinalContent {
  const checked = applyCompliance(
    { body: content.body, caption: content.caption, hashtags: content.hashtags, sections: content.sections },
    { ...opts.compliance, format: opts.format, platform: opts.platform },
  );
  const fitted = fitToPlatform(
    { ...content, body: checked.body, caption: checked.caption, hashtags: checked.hashtags, ...(checked.sections ? { sections: checked.sections } : {}) },
    opts.platform, opts.format, { disclosureLine: checked.disclosureLine },
  );
  return { ...fitted, disclosures: checked.disclosures, flags: checked.flags, requiresReview: checked.requiresReview, review: checked.review };
}

/** Shorthand when the request is at hand. */
export function finalizeForRequest(content: GeneratedContent, request: GenerationRequest): FinalContent {
  return finalizeContent(content, { platform: request.platform, format: request.format, compliance: complianceContextFor(request) });
}
