import type { PhrasePack } from './types';

export const en: PhrasePack = {
  lang: 'en',
  locale: 'en-US',
  and: 'and',
  quotes: ['“', '”'],
  stop: '.',

  labels: {
    pros: 'Pros', cons: 'Cons', verdict: 'Verdict', atAGlance: 'At a glance', overview: 'Overview',
    standsOut: 'What stands out', considerations: 'Worth considering', whoFor: 'Who it’s for', price: 'Price',
    answer: 'Answer', answers: 'Answers', question: 'Question', true: 'True', false: 'False', scene: 'Scene',
    visual: 'Visual', voiceover: 'Voiceover', onScreen: 'On-screen text', subject: 'Subject', preheader: 'Preview text',
    whatsNew: 'What’s new', whatYouGet: 'What you’ll get', about: 'About {name}', availability: 'Availability',
    chapters: 'Chapters', partnership: 'The partnership', whatToExpect: 'What to expect', whyItFits: 'Why it fits {use}',
    recommendation: 'Recommendation', button: 'Button',
    sceneHook: 'Hook', sceneProduct: 'Product', sceneDetail: 'Detail', sceneContext: 'In context', sceneCta: 'Call to action',
    chapterIntro: 'Intro', chapterFeatures: 'Key features', chapterVerdict: 'Verdict', chapterQuestions: 'The questions',
    chapterOutro: 'Wrap-up',
  },

  where: { bio: 'link in bio', description: 'link in the description' },

  hooks: {
    product_review: {
      bold: ['Let’s talk about {product} {emoji}', '{product} is getting a lot of attention. Does it earn it?', 'Big question: is {product} worth it for {use}? {emoji}'],
      warm: ['A closer look at {product}, made for {use}.', 'If {use} is part of your week, {product} deserves a look.', 'Here’s my honest take on {product}.'],
      refined: ['{product}, considered.', 'On {product}: what matters, and what doesn’t.', 'A closer reading of {product}.'],
      expert: ['{product}, broken down: what the specs mean for {use}.', 'Spec check: {product}.', 'I read the spec sheet of {product} so you don’t have to.'],
    },
    product_launch: {
      bold: ['It’s here: {product} {emoji}', 'Say hello to {product}! {emoji}', 'New drop: {product} has landed. {emoji}'],
      warm: ['Meet {product}, made for {use}.', 'Something new for everyone into {use}: {product}.', '{product} is officially here, and it was made for {use}.'],
      refined: ['Introducing {product}.', '{product}. A new chapter.', 'Presenting {product}.'],
      expert: ['{product} is out. Here’s what’s new.', 'New release: {product}. The key facts in one place.', '{product} has launched. What’s actually new, in brief:'],
    },
    testimonial: {
      bold: ['Why {product} has my attention {emoji}', 'Here’s why {product} makes sense for {use}. {emoji}', '{product} for {use}? Here’s the case.'],
      warm: ['In my words: why {product} fits {use}.', 'A few words on {product}, for everyone into {use}.', 'Why I keep pointing people to {product}.'],
      refined: ['On {product}, in a few words.', '{product}: a considered recommendation.', 'A note on {product}.'],
      expert: ['The case for {product}, in one paragraph.', 'Why {product} stands out for {use}: my reasoning.', '{product} for {use}: the argument in brief.'],
    },
    lead_magnet: {
      bold: ['Want more out of {use}? Start here. {emoji}', 'Stop guessing about {use}. {product} lays it out. {emoji}', 'Your shortcut for {use}: {product}. {emoji}'],
      warm: ['Getting started with {use}? {product} makes the first step easy.', 'A little help for {use}: {product}.', 'If {use} is on your list, this is for you.'],
      refined: ['Everything worth knowing about {use}, in one place.', '{product}: the essentials, nothing more.', 'A better start to {use}: {product}.'],
      expert: ['The essentials of {use}, distilled: {product}.', 'Before you decide anything about {use}, start with {product}.', '{product}: a practical starting point for {use}.'],
    },
    trivia: {
      bold: ['Quiz time! {emoji} How well do you know {product}?', 'Think you know {product}? Prove it. {emoji}', 'Trivia break! {emoji} Let’s see who’s been paying attention.'],
      warm: ['A little trivia for your feed: how much do you know about {product}?', 'Time for a quick quiz about {product}. {emoji}', 'Fancy a quick guessing game about {product}?'],
      refined: ['For the curious: a short quiz on {product}.', 'A question or two, on {product}.', 'Trivia, briefly: {product}.'],
      expert: ['Test your knowledge: {product} and {use}.', 'Trivia for the detail-minded: {product}.', 'How well do you know the specs of {product}?'],
    },
    collab_content: {
      bold: ['{agent} × {partner}. It’s happening! {emoji}', 'Big news: {agent} is teaming up with {partner}! {emoji}', 'Collab alert: {agent} × {partner}. {emoji}'],
      warm: ['Some news I’m excited to share: {agent} and {partner} are working together.', 'Two worlds, one project: {agent} × {partner}.', 'Say hello to a new collaboration: {agent} × {partner}.'],
      refined: ['{agent} × {partner}.', 'A collaboration: {agent} and {partner}.', '{agent} and {partner}, together.'],
      expert: ['{agent} and {partner} join forces around {product}. Here’s what that means.', 'Collaboration announcement: {agent} × {partner}.', 'New partnership: {agent} × {partner}, focused on {use}.'],
    },
  },

  styledHooks: {
    'story-led': ['It started with a simple question: what does {use} really need?', 'Every good {use} story starts with the right choice. This one starts with {product}.'],
    'question-led': ['What matters most to you when it comes to {use}?', 'Ever wondered what makes {product} different?'],
    'cta-led': ['Don’t scroll past this if {use} is on your list.', 'Save this for later: {product}, made for {use}.'],
    punchy: ['{product}. Made for {use}.', '{product}. No fluff.'],
  },

  titles: {
    product_review: ['{product} review: the key facts for {use}', '{product}: is it worth it for {use}?', '{product}, reviewed from the spec sheet'],
    product_launch: ['Introducing {product}', '{product} is here', 'New: {product}, made for {use}'],
    testimonial: ['Why {product} fits {use}', '{agent} on {product}', 'The case for {product}'],
    lead_magnet: ['Everything you need for {use}: {product}', 'Get more from {use} with {product}', '{product}: your starting point for {use}'],
    trivia: ['How well do you know {product}?', 'The {product} quiz', 'Trivia: {product} and {use}'],
    collab_content: ['{agent} × {partner}', '{agent} teams up with {partner}', 'Announcing {agent} × {partner}'],
  },

  claim: [
    '{claim}: a detail that makes a real difference.',
    'Standout feature: {claim}.',
    'One highlight: {claim}.',
  ],
  claimMore: [
    '{claim}, which is exactly what you want here.',
    'Then there’s {claim}.',
  ],
  use: ['Built for {use}.', 'The focus is clear: {use}.', 'Made with {use} in mind.'],
  audience: ['A natural fit for {audience}.', 'Especially relevant for {audience}.'],
  price: ['Price: {price}.', 'It comes in at {price}.'],
  expertise: ['Seen through the lens of {domain}, that’s what counts.', 'With {domain} as my focus, this is the part I pay attention to.'],
  topic: ['Everyone’s talking about {topic} this week, so here’s my take.', 'On my mind this week: {topic}.', 'Let’s talk about {topic}.'],
  closing: {
    bold: ['Worth a look. Seriously.', 'Your move.', 'This one deserves your attention.'],
    warm: ['Let me know what you think in the comments.', 'Curious what you think. Tell me below.', 'Would this be your pick?'],
    refined: ['Quietly convincing.', 'Less noise, more substance.', 'Considered, through and through.'],
    expert: ['Facts first, always.', 'The specs make the argument.', 'Decide with the details in front of you.'],
  },
  cta: {
    product_review: ['Take a closer look at {product}', 'See the full specs of {product}', 'Check out {product}'],
    product_launch: ['Discover {product}', 'Be among the first to get {product}', 'Explore {product} now'],
    testimonial: ['Find out more about {product}', 'See whether {product} suits you', 'Take a look at {product}'],
    lead_magnet: ['Get {product}', 'Sign up and get {product}', 'Get {product} today'],
    trivia: ['Drop your answers in the comments', 'Comment your score', 'Share this with a friend who’d ace it'],
    collab_content: ['Follow along so you don’t miss a thing', 'Stay tuned for what’s next', 'Follow {agent} and {partner} for updates'],
  },
  promo: ['Use code {code} at checkout.', 'Code {code} is waiting for you at checkout.'],

  review: {
    basis: ['Based on the official specs and the brand’s own claims.', 'My take, built on the published specs and claims.'],
    articleIntro: [
      '{product} is aimed squarely at {use}. Here is what the spec sheet promises, where it shines, and who should consider it.',
      'What does {product} bring to {use}? A look at the claims, the trade-offs and the verdict.',
    ],
    consPrice: ['At {price}, weigh the cost against how often you’ll use it.', '{price} is an investment; make sure it matches your plans.'],
    consFocus: [
      'Specialised for {use}: if that’s not your focus, you may not need everything it offers.',
      'Built around {use}; lighter needs may not use its full potential.',
    ],
    consGeneric: [
      'The performance claims come from the brand, so check them against your own priorities.',
      'Check the details that matter to you (fit, compatibility, availability) before you buy.',
    ],
    verdict: {
      bold: ['If {use} is your thing, {product} is a serious contender.', '{product} brings exactly what {use} demands.'],
      warm: ['A thoughtful choice for anyone into {use}.', 'All in all, {product} makes a convincing case for {use}.'],
      refined: ['Considered, focused, and clearly made for {use}.', '{product} knows exactly what it’s for.'],
      expert: ['On paper, {product} covers the essentials for {use}.', 'Strong specs for {use}; the rest depends on your priorities.'],
    },
    recommendAudience: ['Recommended for {audience}.', 'Best suited to {audience}.'],
    recommendUse: ['Recommended for anyone focused on {use}.', 'A strong pick if {use} is your priority.'],
  },

  launch: {
    whatsNewIntro: ['Here’s what’s new:', 'What you get:'],
    threadOpen: ['{product} is here, and it was made for {use}. The key facts in a thread {thread}', 'New launch: {product}. Everything you need to know, post by post {thread}'],
    threadClose: ['That’s the rundown on {product}.', 'That’s {product} in a nutshell. Questions? Ask below.'],
    pressHeadlineBrand: ['{brand} introduces {product}, made for {use}', '{brand} unveils {product} for {use}'],
    pressHeadlineProduct: ['Introducing {product}: made for {use}', '{product} launches with a focus on {use}'],
    pressSubhead: ['The new release centres on {claim}.', 'Highlights include {claims}.'],
    pressLeadBrand: ['{brand} today announced {product}, a new release designed for {use}.', '{brand} today introduced {product}, built around the needs of {use}.'],
    pressLeadProduct: ['{product} launches today, designed for {use}.', 'Today marks the launch of {product}, built around the needs of {use}.'],
    pressBody: ['{product} brings together {claims}.', 'At its core, {product} focuses on {claims}.'],
    pressFeaturesIntro: ['Key features include:', 'Highlights at a glance:'],
    pressQuote: ['{product} is a clear answer to what {use} needs.', 'What stands out about {product} is its focus: {claim}.'],
    pressAttribution: '{agent}, AI creator',
    pressUrl: 'More information: {url}',
    aboutAgent: ['{agent} is a virtual creator powered by AI, focused on {domain}. Content by {agent} is AI-generated and labelled as such.'],
    aboutAgentNoDomain: ['{agent} is a virtual creator powered by AI. Content by {agent} is AI-generated and labelled as such.'],
  },

  testimonial: {
    quotes: [
      'If {use} were on my calendar, {claim} is the first thing I’d look for, and {product} has it.',
      'For {use}, the details count. With {product}, that detail is {claim}.',
      'What makes {product} convincing for {use}? {claim}. Simple as that.',
      'I’d point anyone serious about {use} to {product}. {claim} says it all.',
    ],
    reviewIntro: ['Why {product} earns a recommendation for {use}, in my words.', 'My reasons for recommending {product} to anyone into {use}.'],
    reviewClose: ['If {use} matters to you, {product} belongs on your shortlist.', 'For {use}, this is an easy one to recommend.'],
  },

  lead: {
    subject: ['Your next step for {use}: {product}', '{product} is ready for you', 'A quick win for {use}'],
    preheader: ['What’s inside, and why it matters for {use}.', 'Everything you need for {use}, in one place.'],
    greeting: ['Hi there,', 'Hello,'],
    emailIntro: ['If {use} is on your list, this one is for you.', 'Quick one today: something that makes {use} easier.'],
    emailOutro: ['It only takes a moment to get started.', 'No long read, no fluff. Just what helps.'],
    signoff: ['Talk soon,\n{agent}', 'Cheers,\n{agent}'],
    ps: ['P.S. {claim} is reason enough to take a look.', 'P.S. Forward this to someone who’s into {use}.'],
    landingHeadline: ['Everything you need for {use}', 'Make {use} simpler with {product}'],
    landingSub: ['{product} brings together {claims}.', 'Made for {use}: {product}.'],
    landingButton: ['Get {product}', 'Get started'],
    landingReassurance: ['It only takes a moment.', 'Quick to start, easy to use.'],
  },

  trivia: {
    intro: ['Quiz time! {emoji}', 'Trivia break! {emoji}'],
    quizIntro: ['{n} questions about {product}. Keep score and check the answers at the end.', 'How many of these {n} can you get right? Answers at the end.'],
    qUse: 'What is {product} made for?',
    qFeature: 'Which of these is a feature of {product}?',
    qTrueFalse: 'True or false: {product} highlights {claim}.',
    qBlank: 'Fill in the blank: one headline feature of {product} is ____.',
    explainUse: '{product} is built for {use}.',
    explainFeature: '{claim} is one of the key features of {product}.',
    explainTrue: '{claim} is one of its headline features.',
    explainFalse: '{answer} isn’t part of {product}. One real highlight: {claim}.',
    commentPrompt: ['Drop your answer in the comments before you peek!', 'Answer first, then scroll down.'],
    spoiler: 'Answer below {down}',
    distractorFeatures: [
      'a built-in espresso maker', 'noise-cancelling ear cups', 'a twelve-speed gearbox', 'a foldable solar panel',
      'a self-watering planter', 'a glow-in-the-dark dial', 'a heated steering wheel', 'a waterproof keyboard',
      'a pizza-oven attachment', 'a bamboo toothbrush head',
    ],
    distractorUses: ['deep-sea diving', 'competitive chess', 'baking sourdough', 'stargazing', 'ballroom dancing', 'bird watching', 'ice fishing', 'pottery'],
  },

  collab: {
    announce: ['{agent} × {partner}: we’re teaming up.', 'It’s official: {agent} and {partner} are joining forces.'],
    whyDomain: ['Why it works: {partner} brings {claim}, and {agent} brings a sharp eye for {domain}.', 'A shared focus: {domain}, with {product} at the centre.'],
    whyUse: ['Why it works: a shared focus on {use}.', 'Two perspectives, one goal: making {use} better.'],
    whatsComing: ['What’s coming: fresh content around {product}, made for {use}.', 'Expect new takes on {product} and {use} in the weeks ahead.'],
    stayTuned: ['More soon.', 'Stay tuned.'],
  },

  video: {
    hookVisual: ['{agent} to camera, tight framing, bold text overlay.', 'Fast cut: {product} reveal against a clean background.'],
    productVisual: ['Slow pan across {product}, key detail in focus.', 'Close-up of {product}; on-screen text calls out the feature.'],
    detailVisual: ['Macro shot of the detail; callout graphic.', 'Split screen: feature callout next to the product.'],
    contextVisual: ['B-roll: {product} in a {use} setting.', 'Lifestyle shot tied to {use}.'],
    ctaVisual: ['{agent} to camera; end card with the product name.', 'End card: {product} with the call to action.'],
  },

  youtube: { subscribe: ['Subscribe for more.', 'Subscribe so you don’t miss the next one.'] },
  linkedin: { question: ['What matters most to you when choosing for {use}?', 'How does your team approach {use}? Curious to hear your view.'] },
  social: { question: ['What would you choose for {use}?', 'Would you add {product} to your list?'] },

  hashtags: {
    product_review: ['#ProductReview', '#Review'],
    product_launch: ['#NewLaunch', '#JustLaunched'],
    testimonial: ['#Recommended', '#Spotlight'],
    lead_magnet: ['#Tips', '#HowTo'],
    trivia: ['#Trivia', '#Quiz'],
    collab_content: ['#Collab', '#Partnership'],
  },
};
