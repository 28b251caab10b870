import { buildGenerationRequest } from './request';

const agent = {
  id: 'agent_velo_automotive', name: 'VELO', category: 'automotive', expertise_domains: ['EV technology'], languages: ['de', 'en'],
  style_profile: null, target_audience: null, headline: 'EV expert', persona_prompt: 'VELO explains EVs.', capabilities: { tone_modes: ['expert'] },
};

describe('buildGenerationRequest', () => {
  it('applies the contract defaults', () => {
    const r = buildGenerationRequest({
      body: { content_type: 'product_review', format: 'x_post', product: { name: 'EV X', key_claims: ['800 km'], target_use: 'commuting' } },
      agent, seed: 'cnt_1',
    });
    expect(r).toMatchObject({
      language: 'de', platform: 'x', length: 'medium', include_cta: true, compliance_mode: 'standard', sponsored: true, tone: null,
      agent: { id: 'agent_velo_automotive', tone_modes: ['expert'], persona_prompt: 'VELO explains EVs.' },
    });
  });

  it('takes tone, compliance mode and missing product facts from the campaign', () => {
    const r = buildGenerationRequest({
      body: { content_type: 'product_launch', format: 'post', language: 'en', product: { name: 'EV X', key_claims: [], target_use: 'commuting' } },
      agent, seed: 1,
      campaign: { name: 'Launch', product: { description: 'Next-gen SUV', key_features: ['AI-drive'] }, config: { tone: 'bold', compliance_mode: 'strict' } },
    });
    expect(r).toMatchObject({ tone: 'bold', compliance_mode: 'strict', campaign_name: 'Launch', platform: null });
    expect(r.product).toMatchObject({ description: 'Next-gen SUV', key_features: ['AI-drive'] });
  });
});
