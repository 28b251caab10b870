import type { PhrasePack } from './types';

// Written with plain spaces before « : ; ! ? » and inside guillemets; the engine turns them into the no-break
// spaces French typography expects. Sentences avoid agreeing with the product's (unknown) gender.
export const fr: PhrasePack = {
  lang: 'fr',
  locale: 'fr-FR',
  and: 'et',
  quotes: ['« ', ' »'],
  stop: '.',

  labels: {
    pros: 'Les plus', cons: 'Les moins', verdict: 'Verdict', atAGlance: 'En bref', overview: 'Présentation',
    standsOut: 'Ce qui se démarque', considerations: 'À savoir', whoFor: 'Pour qui ?', price: 'Prix',
    answer: 'Réponse', answers: 'Réponses', question: 'Question', true: 'Vrai', false: 'Faux', scene: 'Scène',
    visual: 'Image', voiceover: 'Voix off', onScreen: 'Texte à l’écran', subject: 'Objet', preheader: 'Texte d’aperçu',
    whatsNew: 'Les nouveautés', whatYouGet: 'Ce qui «t’attend|vous attend»', about: 'À propos de {name}', availability: 'Disponibilité',
    chapters: 'Chapitres', partnership: 'Le partenariat', whatToExpect: 'Ce qui «t’attend|vous attend»', whyItFits: 'Pourquoi c’est fait pour {use}',
    recommendation: 'Recommandation', button: 'Bouton',
    sceneHook: 'Accroche', sceneProduct: 'Produit', sceneDetail: 'Détail', sceneContext: 'En situation', sceneCta: 'Appel à l’action',
    chapterIntro: 'Intro', chapterFeatures: 'Les points clés', chapterVerdict: 'Verdict', chapterQuestions: 'Les questions',
    chapterOutro: 'Pour conclure',
  },

  where: { bio: 'lien en bio', description: 'lien en description' },

  hooks: {
    product_review: {
      bold: ['Parlons de {product} {emoji}', 'Tout le monde parle de {product}. À raison ?', 'La grande question : {product} vaut-il le coup pour {use} ? {emoji}'],
      warm: ['Zoom sur {product}, pensé pour {use}.', 'Si «tu penses|vous pensez» à {use}, {product} mérite un coup d’œil.', 'Mon avis sincère sur {product}.'],
      refined: ['{product}, en toute mesure.', 'À propos de {product} : l’essentiel, et le reste.', 'Une lecture attentive de {product}.'],
      expert: ['{product} décrypté : ce que disent les caractéristiques pour {use}.', 'Fiche technique à la loupe : {product}.', 'J’ai lu la fiche technique de {product} pour «toi|vous».'],
    },
    product_launch: {
      bold: ['Ça y est : {product} est là ! {emoji}', 'Dites bonjour à {product} ! {emoji}', 'Nouveauté : {product} débarque. {emoji}'],
      warm: ['Voici {product}, pensé pour {use}.', 'Du nouveau pour les passionnés de {use} : {product}.', '{product} est officiellement là, avec {use} en ligne de mire.'],
      refined: ['Voici {product}.', '{product}. Un nouveau chapitre.', 'Nous vous présentons {product}.'],
      expert: ['{product} est sorti. Voici ce qui change.', 'Nouveauté : {product}. L’essentiel en un coup d’œil.', 'Lancement de {product} : ce qui est vraiment nouveau, en bref.'],
    },
    testimonial: {
      bold: ['Pourquoi {product} a retenu mon attention {emoji}', 'Voilà pourquoi {product} a du sens pour {use}. {emoji}', '{product} pour {use} ? Les arguments.'],
      warm: ['Avec mes mots : pourquoi {product} convient à {use}.', 'Quelques mots sur {product}, pour les passionnés de {use}.', 'Pourquoi je recommande souvent {product}.'],
      refined: ['{product}, en quelques mots.', '{product} : une recommandation réfléchie.', 'Une note sur {product}.'],
      expert: ['Les arguments en faveur de {product}, en un paragraphe.', 'Pourquoi {product} se distingue pour {use} : mon raisonnement.', '{product} pour {use} : l’argumentaire en bref.'],
    },
    lead_magnet: {
      bold: ['Envie de tirer le meilleur de {use} ? C’est par ici. {emoji}', 'Fini les doutes sur {use}. {product} fait le point. {emoji}', '«Ton|Votre» raccourci pour {use} : {product}. {emoji}'],
      warm: ['«Tu te lances|Vous vous lancez» dans {use} ? {product} facilite le premier pas.', 'Un petit coup de pouce pour {use} : {product}.', '«Tu penses|Vous pensez» à {use} ? C’est pour «toi|vous».'],
      refined: ['Tout ce qui compte sur {use}, au même endroit.', '{product} : l’essentiel, rien de plus.', 'Un meilleur départ pour {use} : {product}.'],
      expert: ['L’essentiel de {use}, condensé : {product}.', 'Avant toute décision sur {use}, «commence|commencez» par {product}.', '{product} : un point de départ concret pour {use}.'],
    },
    trivia: {
      bold: ['C’est l’heure du quiz ! {emoji} «Connais-tu|Connaissez-vous» vraiment {product} ?', '«Tu crois|Vous croyez» tout savoir sur {product} ? «Prouve-le|Prouvez-le» ! {emoji}', 'Pause quiz ! {emoji} Voyons qui a suivi.'],
      warm: ['Un petit quiz pour «ton|votre» fil : que «sais-tu|savez-vous» de {product} ?', 'Place à un quiz express sur {product}. {emoji}', 'Un petit jeu de devinettes autour de {product}, ça «te|vous» dit ?'],
      refined: ['Pour les curieux : un court quiz sur {product}.', 'Une question ou deux, sur {product}.', 'Quiz, en bref : {product}.'],
      expert: ['«Teste tes|Testez vos» connaissances : {product} et {use}.', 'Un quiz pour les amateurs de détails : {product}.', '«Connais-tu|Connaissez-vous» bien les caractéristiques de {product} ?'],
    },
    collab_content: {
      bold: ['{agent} × {partner}. C’est officiel ! {emoji}', 'Grande nouvelle : {agent} s’associe à {partner} ! {emoji}', 'Alerte collab : {agent} × {partner}. {emoji}'],
      warm: ['Une nouvelle qui me réjouit : {agent} et {partner} travaillent ensemble.', 'Deux univers, un projet : {agent} × {partner}.', 'Une nouvelle collaboration : {agent} × {partner}.'],
      refined: ['{agent} × {partner}.', 'Une collaboration : {agent} et {partner}.', '{agent} et {partner}, ensemble.'],
      expert: ['{agent} et {partner} unissent leurs forces autour de {product}. Ce que cela signifie.', 'Annonce de collaboration : {agent} × {partner}.', 'Nouveau partenariat : {agent} × {partner}, centré sur {use}.'],
    },
  },

  styledHooks: {
    'story-led': ['Tout a commencé par une question simple : qu’est-ce qui compte vraiment pour {use} ?', 'Chaque belle histoire de {use} commence par le bon choix. Celle-ci commence avec {product}.'],
    'question-led': ['Qu’est-ce qui compte le plus pour «toi|vous» en matière de {use} ?', '«Tu t’es déjà demandé|Vous êtes-vous déjà demandé» ce qui rend {product} différent ?'],
    'cta-led': ['«Ne scrolle pas|Ne faites pas défiler» plus loin si «tu penses|vous pensez» à {use}.', 'À enregistrer pour plus tard : {product}, pensé pour {use}.'],
    punchy: ['{product}. Pour {use}.', '{product}. Sans détour.'],
  },

  titles: {
    product_review: ['{product} : l’essentiel pour {use}', '{product} vaut-il le coup pour {use} ?', '{product}, analysé sur fiche technique'],
    product_launch: ['Voici {product}', '{product} est arrivé', 'Nouveau : {product}, pour {use}'],
    testimonial: ['Pourquoi {product} convient à {use}', '{agent} à propos de {product}', 'Les arguments pour {product}'],
    lead_magnet: ['Tout pour {use} : {product}', 'Tirer le meilleur de {use} avec {product}', '{product} : «ton|votre» point de départ pour {use}'],
    trivia: ['«Connais-tu|Connaissez-vous» vraiment {product} ?', 'Le quiz {product}', 'Quiz : {product} et {use}'],
    collab_content: ['{agent} × {partner}', '{agent} s’associe à {partner}', 'Nouveau : {agent} × {partner}'],
  },

  claim: [
    '{claim} : un détail qui fait vraiment la différence.',
    'Point fort : {claim}.',
    'Un atout : {claim}.',
  ],
  claimMore: [
    '{claim}, exactement ce qu’il faut ici.',
    'Autre atout : {claim}.',
  ],
  use: ['Pensé pour {use}.', 'L’objectif est clair : {use}.', 'Avec {use} en ligne de mire.'],
  audience: ['Idéal pour {audience}.', 'Particulièrement intéressant pour {audience}.'],
  price: ['Prix : {price}.', 'Disponible à {price}.'],
  expertise: ['Sous l’angle {domain}, c’est ce qui compte.', 'Mon domaine, c’est {domain}, et c’est précisément là que je regarde.'],
  topic: ['Cette semaine, tout le monde parle de {topic}, voici mon avis.', 'Le sujet de la semaine : {topic}.', 'Parlons de {topic}.'],
  closing: {
    bold: ['À voir absolument.', 'À «toi|vous» de jouer.', 'Celui-là mérite «ton|votre» attention.'],
    warm: ['«Dis-moi|Dites-moi» en commentaire ce que «tu en penses|vous en pensez».', 'Hâte de lire «ton|votre» avis en commentaire !', 'Ce serait «ton|votre» choix ?'],
    refined: ['Discrètement convaincant.', 'Moins de bruit, plus de fond.', 'Pensé jusque dans les détails.'],
    expert: ['Les faits d’abord, toujours.', 'Les caractéristiques parlent d’elles-mêmes.', 'Décider avec tous les éléments en main.'],
  },
  cta: {
    product_review: ['«Découvre|Découvrez» {product} de plus près', '«Consulte|Consultez» toutes les caractéristiques de {product}', '«Jette|Jetez» un œil à {product}'],
    product_launch: ['«Découvre|Découvrez» {product}', '«Sois parmi|Soyez parmi» les premiers à découvrir {product}', '«Explore|Explorez» {product} dès maintenant'],
    testimonial: ['«Découvre|Découvrez»-en plus sur {product}', '«Vois|Voyez» si {product} «te|vous» correspond', '«Jette|Jetez» un œil à {product}'],
    lead_magnet: ['«Obtiens|Obtenez» {product}', '«Inscris-toi|Inscrivez-vous» et «reçois|recevez» {product}', '«Récupère|Récupérez» {product} dès aujourd’hui'],
    trivia: ['«Donne tes|Donnez vos» réponses en commentaire', '«Partage ton|Partagez votre» score en commentaire', '«Envoie|Envoyez» ce quiz à quelqu’un qui aura tout juste'],
    collab_content: ['«Abonne-toi|Abonnez-vous» pour ne rien manquer', 'La suite arrive bientôt', '«Suis|Suivez» {agent} et {partner} pour ne rien manquer'],
  },
  promo: ['Code {code} à utiliser au moment du paiement.', 'Avec le code {code} au paiement.'],

  review: {
    basis: ['Basé sur les caractéristiques officielles et les informations de la marque.', 'Mon analyse, fondée sur les caractéristiques et les promesses publiées.'],
    articleIntro: [
      '{product} vise clairement {use}. Ce que promet la fiche technique, ses points forts et à qui il s’adresse.',
      'Qu’apporte {product} pour {use} ? Tour d’horizon des promesses, des compromis et du verdict.',
    ],
    consPrice: ['À {price}, mieux vaut comparer le prix à l’usage prévu.', '{price}, c’est un investissement : à mettre en regard de «tes|vos» projets.'],
    consFocus: [
      'Spécialisé pour {use} : si ce n’est pas «ta|votre» priorité, tout ne «te|vous» servira pas.',
      'Conçu autour de {use} ; pour un usage plus léger, une partie du potentiel restera inexploitée.',
    ],
    consGeneric: [
      'Les performances annoncées viennent de la marque : à confronter à «tes|vos» propres priorités.',
      '«Vérifie|Vérifiez» avant l’achat les détails qui comptent pour «toi|vous» (taille, compatibilité, disponibilité).',
    ],
    verdict: {
      bold: ['Pour qui prend {use} au sérieux, {product} est un candidat de choix.', '{product} apporte exactement ce qu’il faut pour {use}.'],
      warm: ['Un choix réfléchi pour les passionnés de {use}.', 'Tout compte fait, {product} a de solides arguments pour {use}.'],
      refined: ['Réfléchi, précis et clairement pensé pour {use}.', '{product} sait exactement à quoi il sert.'],
      expert: ['Sur le papier, {product} couvre l’essentiel pour {use}.', 'De solides caractéristiques pour {use} ; le reste dépend de «tes|vos» priorités.'],
    },
    recommendAudience: ['Recommandé pour {audience}.', 'Idéal pour {audience}.'],
    recommendUse: ['Recommandé à toutes celles et ceux qui se concentrent sur {use}.', 'Un excellent choix si {use} est «ta|votre» priorité.'],
  },

  launch: {
    whatsNewIntro: ['Les nouveautés :', 'Ce que «tu obtiens|vous obtenez» :'],
    threadOpen: ['{product} est là, pensé pour {use}. L’essentiel en un thread {thread}', 'Nouveauté : {product}. Tout ce qu’il faut savoir, post après post {thread}'],
    threadClose: ['Voilà pour {product} en résumé.', 'C’était {product} en bref. Des questions ? C’est en commentaire.'],
    pressHeadlineBrand: ['{brand} présente {product}, pensé pour {use}', '{brand} dévoile {product} pour {use}'],
    pressHeadlineProduct: ['Lancement de {product}, pensé pour {use}', '{product} arrive avec {use} en ligne de mire'],
    pressSubhead: ['La nouveauté met l’accent sur {claim}.', 'Parmi les points forts : {claims}.'],
    pressLeadBrand: ['{brand} annonce aujourd’hui {product}, une nouveauté conçue pour {use}.', '{brand} présente aujourd’hui {product}, pensé pour répondre aux besoins de {use}.'],
    pressLeadProduct: ['{product} est lancé aujourd’hui, avec {use} en ligne de mire.', 'Aujourd’hui marque le lancement de {product}, une nouveauté consacrée à {use}.'],
    pressBody: ['{product} réunit {claims}.', 'Au cœur de {product} : {claims}.'],
    pressFeaturesIntro: ['Principales caractéristiques :', 'Les points forts en un coup d’œil :'],
    pressQuote: ['{product} répond clairement aux attentes de {use}.', 'Ce qui distingue {product}, c’est sa précision : {claim}.'],
    pressAttribution: '{agent}, personnalité virtuelle (IA)',
    pressUrl: 'Plus d’informations : {url}',
    aboutAgent: ['{agent} est une personnalité virtuelle animée par l’IA, spécialisée en {domain}. Les contenus de {agent} sont générés par IA et signalés comme tels.'],
    aboutAgentNoDomain: ['{agent} est une personnalité virtuelle animée par l’IA. Les contenus de {agent} sont générés par IA et signalés comme tels.'],
  },

  testimonial: {
    quotes: [
      'S’il s’agissait pour moi de {use}, {claim} serait la première chose que je regarderais, et {product} l’a.',
      'Pour {use}, ce sont les détails qui comptent. Chez {product}, ce détail s’appelle {claim}.',
      'Qu’est-ce qui rend {product} convaincant pour {use} ? {claim}. Tout simplement.',
      'À toutes celles et ceux qui prennent {use} au sérieux, je conseillerais {product}. {claim} dit tout.',
    ],
    reviewIntro: ['Pourquoi {product} mérite une recommandation pour {use}, avec mes mots.', 'Mes raisons de recommander {product} aux passionnés de {use}.'],
    reviewClose: ['Si «tu tiens|vous tenez» à {use}, {product} a sa place sur «ta|votre» liste.', 'Pour {use}, une recommandation facile.'],
  },

  lead: {
    subject: ['«Ta|Votre» prochaine étape pour {use} : {product}', '{product} «t’attend|vous attend»', 'Un coup de pouce rapide pour {use}'],
    preheader: ['Ce qu’il contient et pourquoi c’est utile pour {use}.', 'Tout pour {use}, au même endroit.'],
    greeting: ['«Salut|Bonjour»,', 'Bonjour,'],
    emailIntro: ['Si «tu penses|vous pensez» à {use}, ce message est pour «toi|vous».', 'Un message court aujourd’hui : de quoi rendre {use} plus simple.'],
    emailOutro: ['Il suffit d’un instant pour commencer.', 'Pas de long discours : juste ce qui aide.'],
    signoff: ['À bientôt,\n{agent}', '«Belle journée|Bien cordialement»,\n{agent}'],
    ps: ['P.-S. {claim}, à lui seul, mérite le détour.', 'P.-S. «Transfère|Transférez» ce message à quelqu’un qui s’intéresse à {use}.'],
    landingHeadline: ['Tout ce qu’il «te|vous» faut pour {use}', '{use}, en plus simple, avec {product}'],
    landingSub: ['{product} réunit {claims}.', 'Pensé pour {use} : {product}.'],
    landingButton: ['Obtenir {product}', 'Commencer'],
    landingReassurance: ['Cela ne prend qu’un instant.', 'Rapide à lancer, simple à utiliser.'],
  },

  trivia: {
    intro: ['C’est l’heure du quiz ! {emoji}', 'Pause quiz ! {emoji}'],
    quizIntro: ['{n} questions sur {product}. «Compte tes|Comptez vos» points, les réponses sont à la fin.', 'Combien de ces {n} questions «réussiras-tu|réussirez-vous» ? Réponses à la fin.'],
    qUse: 'À quoi sert {product} ?',
    qFeature: 'Laquelle de ces caractéristiques appartient à {product} ?',
    qTrueFalse: 'Vrai ou faux : {product} mise sur {claim}.',
    qBlank: 'Texte à trous : l’une des caractéristiques phares de {product} est ____.',
    explainUse: '{product} est pensé pour {use}.',
    explainFeature: '{claim} fait partie des caractéristiques clés de {product}.',
    explainTrue: '{claim} fait partie de ses points forts.',
    explainFalse: '{answer} ne fait pas partie de {product}. Un vrai point fort : {claim}.',
    commentPrompt: ['«Réponds|Répondez» en commentaire avant de regarder !', 'D’abord deviner, ensuite faire défiler.'],
    spoiler: 'Réponse plus bas {down}',
    distractorFeatures: [
      'une machine à expresso intégrée', 'des coussinets à réduction de bruit', 'une boîte à douze vitesses', 'un panneau solaire pliable',
      'une jardinière autoarrosante', 'un cadran phosphorescent', 'un volant chauffant', 'un clavier étanche',
      'un accessoire four à pizza', 'une tête de brosse à dents en bambou',
    ],
    distractorUses: ['la plongée sous-marine', 'les échecs en compétition', 'le pain au levain', 'l’observation des étoiles', 'la danse de salon', 'l’ornithologie', 'la pêche sur glace', 'la poterie'],
  },

  collab: {
    announce: ['{agent} × {partner} : on s’associe.', 'C’est officiel : {agent} et {partner} unissent leurs forces.'],
    whyDomain: ['Pourquoi ça marche : {partner} apporte {claim}, {agent} son regard sur {domain}.', 'Une vision commune : {domain}, avec {product} au centre.'],
    whyUse: ['Pourquoi ça marche : une même passion pour {use}.', 'Deux regards, un objectif : faire avancer {use}.'],
    whatsComing: ['À venir : de nouveaux contenus autour de {product}, pensés pour {use}.', 'Dans les semaines à venir : de nouveaux regards sur {product} et {use}.'],
    stayTuned: ['La suite très vite.', '«Reste|Restez» à l’écoute.'],
  },

  video: {
    hookVisual: ['{agent} face caméra, plan serré, texte en gros à l’écran.', 'Cut rapide : {product} dévoilé sur fond neutre.'],
    productVisual: ['Panoramique lent sur {product}, détail clé net.', 'Gros plan sur {product} ; un texte à l’écran nomme la caractéristique.'],
    detailVisual: ['Plan macro sur le détail, avec annotation graphique.', 'Écran partagé : caractéristique et produit côte à côte.'],
    contextVisual: ['Plans de coupe : {product} en situation de {use}.', 'Plan lifestyle en lien avec {use}.'],
    ctaVisual: ['{agent} face caméra ; carton de fin avec le nom du produit.', 'Carton de fin : {product} et l’appel à l’action.'],
  },

  youtube: { subscribe: ['«Abonne-toi|Abonnez-vous» pour la suite.', '«Abonne-toi|Abonnez-vous» pour ne pas manquer la prochaine vidéo.'] },
  linkedin: { question: ['Qu’est-ce qui compte le plus pour vous lorsque vous choisissez pour {use} ?', 'Comment votre équipe aborde-t-elle {use} ? Votre avis m’intéresse.'] },
  social: { question: ['Que «choisirais-tu|choisiriez-vous» pour {use} ?', '{product} a-t-il sa place sur «ta|votre» liste ?'] },

  hashtags: {
    product_review: ['#Avis', '#AvisProduit'],
    product_launch: ['#Nouveauté', '#Lancement'],
    testimonial: ['#Recommandation', '#CoupDeCœur'],
    lead_magnet: ['#Conseils', '#Astuces'],
    trivia: ['#Quiz', '#Devinette'],
    collab_content: ['#Collab', '#Partenariat'],
  },
};
