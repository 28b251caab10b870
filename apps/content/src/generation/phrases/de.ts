import type { PhrasePack } from './types';

// Product names stand without an article so their grammatical gender never has to be guessed.
export const de: PhrasePack = {
  lang: 'de',
  locale: 'de-DE',
  and: 'und',
  quotes: ['„', '“'],
  stop: '.',

  labels: {
    pros: 'Pro', cons: 'Contra', verdict: 'Fazit', atAGlance: 'Auf einen Blick', overview: 'Überblick',
    standsOut: 'Was heraussticht', considerations: 'Gut zu wissen', whoFor: 'Für wen?', price: 'Preis',
    answer: 'Antwort', answers: 'Auflösung', question: 'Frage', true: 'Richtig', false: 'Falsch', scene: 'Szene',
    visual: 'Bild', voiceover: 'Sprecher', onScreen: 'Texteinblendung', subject: 'Betreff', preheader: 'Vorschautext',
    whatsNew: 'Was ist neu?', whatYouGet: 'Das erwartet «dich|Sie»', about: 'Über {name}', availability: 'Verfügbarkeit',
    chapters: 'Kapitel', partnership: 'Die Partnerschaft', whatToExpect: 'Was «dich|Sie» erwartet', whyItFits: 'Warum es zu {use} passt',
    recommendation: 'Empfehlung', button: 'Button',
    sceneHook: 'Einstieg', sceneProduct: 'Produkt', sceneDetail: 'Detail', sceneContext: 'Im Einsatz', sceneCta: 'Handlungsaufruf',
    chapterIntro: 'Intro', chapterFeatures: 'Die wichtigsten Features', chapterVerdict: 'Fazit', chapterQuestions: 'Die Fragen',
    chapterOutro: 'Zum Schluss',
  },

  where: { bio: 'Link in der Bio', description: 'Link in der Beschreibung' },

  hooks: {
    product_review: {
      bold: ['Reden wir über {product} {emoji}', 'Alle sprechen über {product}. Zu Recht?', 'Die große Frage: Lohnt sich {product} für {use}? {emoji}'],
      warm: ['Ein genauer Blick auf {product}, gemacht für {use}.', 'Wenn es bei «dir|Ihnen» um {use} geht, lohnt sich ein Blick auf {product}.', 'Meine ehrliche Einschätzung zu {product}.'],
      refined: ['{product}, mit Bedacht betrachtet.', 'Über {product}: was zählt und was nicht.', '{product} im Detail gelesen.'],
      expert: ['{product} im Faktencheck: Was die Daten für {use} bedeuten.', 'Datenblatt-Check: {product}.', 'Ich habe das Datenblatt von {product} gelesen, damit «du|Sie» es nicht «musst|müssen».'],
    },
    product_launch: {
      bold: ['Es ist so weit: {product} {emoji}', 'Hallo, {product}! {emoji}', 'Neu und endlich da: {product}. {emoji}'],
      warm: ['Darf ich vorstellen: {product}, gemacht für {use}.', 'Etwas Neues für alle, die {use} lieben: {product}.', '{product} ist offiziell da, und zwar für {use}.'],
      refined: ['Vorhang auf für {product}.', '{product}. Ein neues Kapitel.', 'Neu: {product}.'],
      expert: ['{product} ist da. Das ist neu.', 'Neuheit: {product}. Die wichtigsten Fakten auf einen Blick.', '{product} ist gestartet. Was wirklich neu ist, in Kürze:'],
    },
    testimonial: {
      bold: ['Warum {product} meine Aufmerksamkeit hat {emoji}', 'Darum passt {product} zu {use}. {emoji}', '{product} für {use}? Hier sind die Argumente.'],
      warm: ['In meinen Worten: warum {product} zu {use} passt.', 'Ein paar Worte zu {product}, für alle, die {use} lieben.', 'Warum ich {product} immer wieder empfehle.'],
      refined: ['Über {product}, in wenigen Worten.', '{product}: eine überlegte Empfehlung.', 'Eine Notiz zu {product}.'],
      expert: ['Was für {product} spricht, in einem Absatz.', 'Warum {product} bei {use} heraussticht: meine Begründung.', '{product} für {use}: die Argumente in Kürze.'],
    },
    lead_magnet: {
      bold: ['Mehr aus {use} herausholen? Hier geht’s los. {emoji}', 'Schluss mit Rätselraten bei {use}. {product} bringt Klarheit. {emoji}', '«Deine|Ihre» Abkürzung für {use}: {product}. {emoji}'],
      warm: ['«Du startest|Sie starten» mit {use}? {product} macht den ersten Schritt leicht.', 'Ein bisschen Unterstützung für {use}: {product}.', 'Geht es bei «dir|Ihnen» um {use}? Dann ist das hier genau richtig.'],
      refined: ['Alles Wissenswerte über {use}, an einem Ort.', '{product}: das Wesentliche, nicht mehr.', 'Ein besserer Start in {use}: {product}.'],
      expert: ['Das Wichtigste zu {use}, auf den Punkt gebracht: {product}.', 'Bevor «du|Sie» bei {use} etwas «entscheidest|entscheiden», «starte|starten Sie» mit {product}.', '{product}: ein praktischer Einstieg in {use}.'],
    },
    trivia: {
      bold: ['Quizzeit! {emoji} Wie gut «kennst du|kennen Sie» {product}?', '«Du glaubst|Sie glauben», «du kennst|Sie kennen» {product}? «Beweis es|Beweisen Sie es»! {emoji}', 'Trivia-Pause! {emoji} Mal sehen, wer aufgepasst hat.'],
      warm: ['Ein kleines Quiz für zwischendurch: Wie viel «weißt du|wissen Sie» über {product}?', 'Zeit für ein kurzes Quiz zu {product}. {emoji}', 'Lust auf ein kleines Ratespiel rund um {product}?'],
      refined: ['Für Neugierige: ein kurzes Quiz zu {product}.', 'Eine Frage oder zwei, zu {product}.', 'Kurz gefragt: {product}.'],
      expert: ['Teste «dein|Ihr» Wissen: {product} und {use}.', 'Ein Quiz für Detailverliebte: {product}.', 'Wie gut «kennst du|kennen Sie» die Daten von {product}?'],
    },
    collab_content: {
      bold: ['{agent} × {partner}. Es passiert! {emoji}', 'Große Neuigkeiten: {agent} macht gemeinsame Sache mit {partner}! {emoji}', 'Kollabo-Alarm: {agent} × {partner}. {emoji}'],
      warm: ['Neuigkeiten, auf die ich mich sehr freue: {agent} und {partner} arbeiten zusammen.', 'Zwei Welten, ein Projekt: {agent} × {partner}.', 'Eine neue Zusammenarbeit: {agent} × {partner}.'],
      refined: ['{agent} × {partner}.', 'Eine Zusammenarbeit: {agent} und {partner}.', '{agent} und {partner}, gemeinsam.'],
      expert: ['{agent} und {partner} bündeln ihre Kräfte rund um {product}. Das steckt dahinter.', 'Ankündigung einer Zusammenarbeit: {agent} × {partner}.', 'Neue Partnerschaft: {agent} × {partner}, mit Fokus auf {use}.'],
    },
  },

  styledHooks: {
    'story-led': ['Es begann mit einer einfachen Frage: Worauf kommt es bei {use} wirklich an?', 'Jede gute Geschichte über {use} beginnt mit der richtigen Wahl. Diese beginnt mit {product}.'],
    'question-led': ['Was ist «dir|Ihnen» bei {use} am wichtigsten?', '«Hast du dich|Haben Sie sich» schon mal gefragt, was {product} anders macht?'],
    'cta-led': ['Nicht weiterscrollen, wenn es bei «dir|Ihnen» um {use} geht.', 'Für später speichern: {product}, gemacht für {use}.'],
    punchy: ['{product}. Gemacht für {use}.', '{product}. Ohne Schnickschnack.'],
  },

  titles: {
    product_review: ['{product} im Check: die wichtigsten Fakten für {use}', '{product}: Lohnt es sich für {use}?', '{product}, bewertet anhand des Datenblatts'],
    product_launch: ['Vorhang auf für {product}', '{product} ist da', 'Neu: {product}, gemacht für {use}'],
    testimonial: ['Warum {product} zu {use} passt', '{agent} über {product}', 'Was für {product} spricht'],
    lead_magnet: ['Alles für {use}: {product}', 'Mehr aus {use} herausholen mit {product}', '{product}: «dein|Ihr» Einstieg in {use}'],
    trivia: ['Wie gut «kennst du|kennen Sie» {product}?', 'Das große {product}-Quiz', 'Quiz: {product} und {use}'],
    collab_content: ['{agent} × {partner}', '{agent} und {partner} arbeiten zusammen', 'Neu: {agent} × {partner}'],
  },

  claim: [
    '{claim}: ein Detail, das wirklich den Unterschied macht.',
    'Besonders stark: {claim}.',
    'Ein Highlight: {claim}.',
  ],
  claimMore: [
    '{claim}, genau das, worauf es hier ankommt.',
    'Dazu kommt: {claim}.',
  ],
  use: ['Gemacht für {use}.', 'Der Fokus ist klar: {use}.', 'Entwickelt mit Blick auf {use}.'],
  audience: ['Gedacht für {audience}.', 'Besonders spannend für {audience}.'],
  price: ['Preis: {price}.', 'Zu haben für {price}.'],
  expertise: ['Mit Blick auf {domain} ist genau das entscheidend.', 'Mein Schwerpunkt ist {domain}, und genau darauf achte ich hier.'],
  topic: ['Diese Woche reden alle über {topic}, hier ist meine Sicht.', 'Diese Woche im Fokus: {topic}.', '«Lass|Lassen Sie» uns über {topic} sprechen.'],
  closing: {
    bold: ['Einen Blick wert. Wirklich.', '«Du bist|Sie sind» dran.', 'Das hier verdient «deine|Ihre» Aufmerksamkeit.'],
    warm: ['«Schreib mir|Schreiben Sie mir» in die Kommentare, was «du denkst|Sie denken».', 'Bin gespannt auf «deine|Ihre» Meinung!', 'Wäre das «deine|Ihre» Wahl?'],
    refined: ['Leise überzeugend.', 'Weniger Lärm, mehr Substanz.', 'Durchdacht bis ins Detail.'],
    expert: ['Erst die Fakten, dann die Meinung.', 'Die Daten sprechen für sich.', 'Entscheiden mit allen Details vor Augen.'],
  },
  cta: {
    product_review: ['Jetzt {product} genauer ansehen', 'Alle Details zu {product} entdecken', '{product} jetzt entdecken'],
    product_launch: ['{product} jetzt entdecken', 'Jetzt {product} sichern', 'Jetzt mehr über {product} erfahren'],
    testimonial: ['Mehr über {product} erfahren', 'Herausfinden, ob {product} zu «dir|Ihnen» passt', '{product} ansehen'],
    lead_magnet: ['Jetzt {product} holen', 'Anmelden und {product} erhalten', '{product} noch heute sichern'],
    trivia: ['«Schreib deine|Schreiben Sie Ihre» Antworten in die Kommentare', '«Verrat uns deinen|Verraten Sie uns Ihren» Punktestand in den Kommentaren', '«Teile|Teilen Sie» das Quiz mit jemandem, der alles weiß'],
    collab_content: ['Jetzt folgen und nichts verpassen', 'Dranbleiben, es kommt noch mehr', '{agent} und {partner} folgen, um nichts zu verpassen'],
  },
  promo: ['Mit dem Code {code} an der Kasse.', 'Code {code} an der Kasse eingeben.'],

  review: {
    basis: ['Basierend auf den offiziellen Daten und den Angaben der Marke.', 'Meine Einschätzung, gestützt auf die veröffentlichten Daten und Angaben.'],
    articleIntro: [
      '{product} zielt klar auf {use}. Was das Datenblatt verspricht, wo die Stärken liegen und für wen es sich lohnt.',
      'Was bringt {product} für {use}? Ein Blick auf die Versprechen, die Kompromisse und das Fazit.',
    ],
    consPrice: ['Bei {price} lohnt es sich, den Preis gegen die geplante Nutzung abzuwägen.', '{price} ist eine Investition; sie sollte zu «deinen|Ihren» Plänen passen.'],
    consFocus: [
      'Spezialisiert auf {use}: Wer einen anderen Schwerpunkt hat, braucht vielleicht nicht alles davon.',
      'Rund um {use} gebaut; bei geringeren Ansprüchen bleibt Potenzial ungenutzt.',
    ],
    consGeneric: [
      'Die Leistungsangaben stammen von der Marke; «gleiche|gleichen Sie» sie mit «deinen|Ihren» eigenen Prioritäten ab.',
      'Vor dem Kauf die Details prüfen, die «dir|Ihnen» wichtig sind (Passform, Kompatibilität, Verfügbarkeit).',
    ],
    verdict: {
      bold: ['Wer {use} ernst nimmt, findet in {product} einen starken Kandidaten.', '{product} liefert genau das, worauf es bei {use} ankommt.'],
      warm: ['Eine durchdachte Wahl für alle, die {use} lieben.', 'Alles in allem spricht viel für {product}, wenn es um {use} geht.'],
      refined: ['Durchdacht, fokussiert und klar für {use} gemacht.', '{product} weiß genau, wofür es da ist.'],
      expert: ['Auf dem Papier deckt {product} alles Wesentliche für {use} ab.', 'Starke Daten für {use}; der Rest hängt von «deinen|Ihren» Prioritäten ab.'],
    },
    recommendAudience: ['Empfehlenswert für {audience}.', 'Ideal für {audience}.'],
    recommendUse: ['Empfehlenswert für alle mit Fokus auf {use}.', 'Eine starke Wahl, wenn {use} Priorität hat.'],
  },

  launch: {
    whatsNewIntro: ['Das ist neu:', 'Das «bekommst du|bekommen Sie»:'],
    threadOpen: ['{product} ist da, gemacht für {use}. Die wichtigsten Fakten im Thread {thread}', 'Neuheit: {product}. Alles Wichtige, Post für Post {thread}'],
    threadClose: ['Das war {product} im Überblick.', 'Das ist {product} in Kürze. Fragen? Ab in die Kommentare.'],
    pressHeadlineBrand: ['{brand} stellt {product} vor, gemacht für {use}', '{brand} präsentiert {product} für {use}'],
    pressHeadlineProduct: ['Neu vorgestellt: {product} für {use}', '{product} startet mit Fokus auf {use}'],
    pressSubhead: ['Im Mittelpunkt der Neuheit: {claim}.', 'Zu den Highlights gehören {claims}.'],
    pressLeadBrand: ['{brand} hat heute {product} vorgestellt, eine Neuheit für {use}.', '{brand} präsentiert heute {product}, ganz auf {use} ausgerichtet.'],
    pressLeadProduct: ['Heute startet {product}, eine Neuheit für {use}.', 'Mit {product} startet heute eine Neuheit, die ganz auf {use} ausgerichtet ist.'],
    pressBody: ['{product} vereint {claims}.', 'Im Kern setzt {product} auf {claims}.'],
    pressFeaturesIntro: ['Die wichtigsten Merkmale:', 'Die Highlights im Überblick:'],
    pressQuote: ['{product} ist eine klare Antwort auf das, worauf es bei {use} ankommt.', 'Was an {product} heraussticht, ist der Fokus: {claim}.'],
    pressAttribution: '{agent}, KI-Creator',
    pressUrl: 'Weitere Informationen: {url}',
    aboutAgent: ['{agent} ist ein virtueller, KI-gestützter Creator mit Schwerpunkt {domain}. Inhalte von {agent} sind KI-generiert und als solche gekennzeichnet.'],
    aboutAgentNoDomain: ['{agent} ist ein virtueller, KI-gestützter Creator. Inhalte von {agent} sind KI-generiert und als solche gekennzeichnet.'],
  },

  testimonial: {
    quotes: [
      'Ginge es bei mir um {use}, wäre {claim} das Erste, worauf ich achten würde, und genau das bietet {product}.',
      'Bei {use} zählen die Details. Bei {product} heißt dieses Detail {claim}.',
      'Was {product} für {use} überzeugend macht? {claim}. So einfach ist das.',
      'Allen, die {use} ernst nehmen, würde ich {product} ans Herz legen. {claim} sagt alles.',
    ],
    reviewIntro: ['Warum {product} für {use} eine Empfehlung verdient, in meinen Worten.', 'Meine Gründe, {product} allen zu empfehlen, die {use} lieben.'],
    reviewClose: ['Wenn es «dir|Ihnen» um {use} geht, gehört {product} auf «deine|Ihre» Liste.', 'Für {use} eine leichte Empfehlung.'],
  },

  lead: {
    subject: ['«Dein|Ihr» nächster Schritt für {use}: {product}', '{product} wartet auf «dich|Sie»', 'Ein schneller Gewinn für {use}'],
    preheader: ['Was drinsteckt und warum es für {use} zählt.', 'Alles für {use}, an einem Ort.'],
    greeting: ['«Hallo|Guten Tag»,', '«Hi|Hallo»,'],
    emailIntro: ['Wenn es bei «dir|Ihnen» gerade um {use} geht, ist diese Mail für «dich|Sie».', 'Heute ganz kurz: etwas, das {use} leichter macht.'],
    emailOutro: ['Der Einstieg dauert nur einen Moment.', 'Kein langer Text, kein Blabla. Nur das, was hilft.'],
    signoff: ['Bis bald,\n{agent}', '«Liebe Grüße|Beste Grüße»,\n{agent}'],
    ps: ['PS: Schon {claim} ist einen Blick wert.', 'PS: «Leite|Leiten Sie» diese Mail gern an jemanden weiter, der sich für {use} begeistert.'],
    landingHeadline: ['Alles, was «du|Sie» für {use} «brauchst|brauchen»', '{use} einfacher machen mit {product}'],
    landingSub: ['{product} vereint {claims}.', 'Gemacht für {use}: {product}.'],
    landingButton: ['{product} holen', 'Jetzt starten'],
    landingReassurance: ['Dauert nur einen Moment.', 'Schnell gestartet, einfach genutzt.'],
  },

  trivia: {
    intro: ['Quizzeit! {emoji}', 'Trivia-Pause! {emoji}'],
    quizIntro: ['{n} Fragen zu {product}. Punkte zählen, die Auflösung kommt am Ende.', 'Wie viele der {n} Fragen «schaffst du|schaffen Sie»? Die Antworten stehen am Ende.'],
    qUse: 'Wofür ist {product} gemacht?',
    qFeature: 'Welches dieser Merkmale gehört zu {product}?',
    qTrueFalse: 'Richtig oder falsch: Zu den Merkmalen von {product} gehört {claim}.',
    qBlank: 'Lückentext: Ein zentrales Merkmal von {product} ist ____.',
    explainUse: '{product} ist für {use} gemacht.',
    explainFeature: '{claim} gehört zu den wichtigsten Merkmalen von {product}.',
    explainTrue: '{claim} gehört zu den zentralen Merkmalen.',
    explainFalse: '{answer} gehört nicht zu {product}. Ein echtes Highlight: {claim}.',
    commentPrompt: ['Erst antworten, dann spicken: ab in die Kommentare!', 'Erst raten, dann runterscrollen.'],
    spoiler: 'Auflösung unten {down}',
    distractorFeatures: [
      'eine eingebaute Espressomaschine', 'geräuschunterdrückende Ohrpolster', 'ein Zwölfganggetriebe', 'ein faltbares Solarpanel',
      'ein selbstbewässernder Pflanztopf', 'ein nachleuchtendes Zifferblatt', 'ein beheiztes Lenkrad', 'eine wasserdichte Tastatur',
      'ein Pizzaofen-Aufsatz', 'ein Bambus-Zahnbürstenkopf',
    ],
    distractorUses: ['Tiefseetauchen', 'Turnierschach', 'Sauerteig backen', 'Sterne beobachten', 'Standardtanz', 'Vogelbeobachtung', 'Eisangeln', 'Töpfern'],
  },

  collab: {
    announce: ['{agent} × {partner}: Wir machen gemeinsame Sache.', 'Jetzt ist es offiziell: {agent} und {partner} bündeln ihre Kräfte.'],
    whyDomain: ['Warum das passt: {partner} bringt {claim} mit, {agent} den Blick für {domain}.', 'Ein gemeinsamer Fokus: {domain}, mit {product} im Mittelpunkt.'],
    whyUse: ['Warum das passt: ein gemeinsamer Fokus auf {use}.', 'Zwei Perspektiven, ein Ziel: {use} besser machen.'],
    whatsComing: ['Was kommt: neue Inhalte rund um {product}, gemacht für {use}.', 'In den nächsten Wochen gibt es neue Perspektiven auf {product} und {use}.'],
    stayTuned: ['Bald mehr.', 'Dranbleiben!'],
  },

  video: {
    hookVisual: ['{agent} direkt in die Kamera, enge Einstellung, große Texteinblendung.', 'Schneller Schnitt: {product} vor neutralem Hintergrund.'],
    productVisual: ['Langsamer Schwenk über {product}, das wichtigste Detail im Fokus.', 'Nahaufnahme von {product}; eine Einblendung benennt das Merkmal.'],
    detailVisual: ['Makroaufnahme des Details mit Grafik-Callout.', 'Splitscreen: Merkmal und Produkt nebeneinander.'],
    contextVisual: ['B-Roll: {product} im Umfeld von {use}.', 'Lifestyle-Aufnahme passend zu {use}.'],
    ctaVisual: ['{agent} in die Kamera; Endcard mit Produktnamen.', 'Endcard: {product} mit Handlungsaufruf.'],
  },

  youtube: { subscribe: ['Abonnieren für mehr.', '«Abonniere|Abonnieren Sie» den Kanal, um das nächste Video nicht zu verpassen.'] },
  linkedin: { question: ['Was ist Ihnen bei der Auswahl für {use} am wichtigsten?', 'Wie geht Ihr Team an {use} heran? Ich bin gespannt auf Ihre Sicht.'] },
  social: { question: ['Was «würdest du|würden Sie» für {use} wählen?', 'Kommt {product} auf «deine|Ihre» Liste?'] },

  hashtags: {
    product_review: ['#Produktcheck', '#Review'],
    product_launch: ['#Neuheit', '#Launch'],
    testimonial: ['#Empfehlung', '#Spotlight'],
    lead_magnet: ['#Tipps', '#Ratgeber'],
    trivia: ['#Quiz', '#Rätsel'],
    collab_content: ['#Kollaboration', '#Partnerschaft'],
  },
};
