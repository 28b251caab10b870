/** The contract's campaign example (API.md, Campaigns), with languages VELO speaks. */
export const LAUNCH_CAMPAIGN = {
  agent_id: 'agent_velo_automotive', type: 'product_launch', name: 'EV Series X Launch',
  product: { name: 'EV Series X Pro', description: 'Next-gen all-electric SUV', key_features: ['800km range', 'AI-drive'], target_audience: 'tech_enthusiasts_25_45' },
  config: { tone: 'expert_enthusiastic', languages: ['en', 'de'], output_formats: ['social_post', 'video_script'], compliance_mode: 'standard', duration_days: 30, starts_at: null },
  budget_usd: 5000,
};
