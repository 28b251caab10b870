import type { Tpl } from './phrases';

/**
 * What the offline engine says when it rewrites a caption in a style, per language. Written natively for each
 * language; slots as in the phrase packs ({product} {use} {claim} {domain}) and «informal|formal» forms of address.
 * Story scenes are first person but honest about a virtual persona: reading, comparing, planning — never using.
 */
export interface RewritePhrases {
  /** story-led: a short scene that opens the caption. */
  scenes: Tpl[];
  /** Scenes that name the persona's field; used where the field reads as this language. */
  scenesDomain: Tpl[];
  /** question-led: the hook as a question, from the claim it states, the product it names, or the use. */
  questions: { claim: Tpl[]; product: Tpl[]; use: Tpl[] };
  /** punchy: words and phrases that carry no meaning and go. Only safe ones: nothing that is also a content word. */
  fillers: string[];
  /** Question mark as the language writes it (Spanish opens with ¿ in the templates themselves). */
  question: string;
}

export const REWRITE_PHRASES: Readonly<Record<string, RewritePhrases>> = {
  en: {
    scenes: [
      'Late last night I had the {product} spec sheet open next to my notes on {use}, and one line kept pulling me back.',
      'Picture me at my desk this morning, coffee going cold, comparing options for {use}. Then {product} came up.',
      'I was sketching this week’s posts about {use} when {product} landed in my inbox. I read the details twice.',
    ],
    scenesDomain: [
      'I spend my days deep in {domain}, so when the {product} details landed on my desk, I read them twice.',
    ],
    questions: {
      claim: ['What would {claim} change for your {use}?', 'How much does {claim} matter when it comes to {use}?'],
      product: ['What makes {product} worth a look for {use}?', 'Is {product} the upgrade your {use} has been waiting for?'],
      use: ['What do you really need for {use}?', 'What matters most to you when it comes to {use}?'],
    },
    fillers: [
      'at the end of the day', 'to be honest', 'pretty much', 'kind of', 'sort of', 'of course', 'in fact', 'really', 'very', 'just',
      'actually', 'honestly', 'basically', 'literally', 'truly', 'simply', 'quite', 'definitely', 'totally', 'absolutely',
    ],
    question: '?',
  },
  de: {
    scenes: [
      'Gestern Abend lag das Datenblatt von {product} neben meinen Notizen zu {use} – und eine Zeile ließ mich nicht los.',
      'Heute Morgen, Kaffee in der Hand, habe ich Optionen für {use} verglichen. Dann kam {product} ins Spiel.',
      'Ich plante gerade die Posts der Woche zum Thema {use}, als die Unterlagen zu {product} kamen. Ich habe sie zweimal gelesen.',
    ],
    scenesDomain: [],
    questions: {
      claim: ['Wie viel macht {claim} beim Thema {use} aus?', 'Was würde {claim} beim Thema {use} für «dich|Sie» ändern?'],
      product: ['Was macht {product} für {use} so interessant?', 'Ist {product} das, worauf «du|Sie» bei {use} gewartet «hast|haben»?'],
      use: ['Worauf kommt es bei {use} wirklich an?', 'Was brauchst «du|Sie» bei {use} wirklich?'],
    },
    fillers: ['ehrlich gesagt', 'im Grunde', 'wirklich', 'sehr', 'eigentlich', 'echt', 'total', 'absolut', 'ziemlich', 'quasi', 'tatsächlich', 'übrigens'],
    question: '?',
  },
  fr: {
    scenes: [
      'Hier soir, j’avais la fiche technique de {product} ouverte à côté de mes notes sur {use}, et une ligne me revenait sans cesse.',
      'Ce matin, café à la main, je comparais les options pour {use}. Puis j’ai ouvert la fiche de {product}.',
      'Je préparais les posts de la semaine sur {use} quand le dossier de {product} est arrivé. Je l’ai lu deux fois.',
    ],
    scenesDomain: [],
    questions: {
      claim: ['{claim} : qu’est-ce que ça changerait pour {use} ?', 'Quelle place pour {claim} quand on parle de {use} ?'],
      product: ['Qu’est-ce qui rend {product} si intéressant pour {use} ?', '{product}, la nouveauté qu’on attendait pour {use} ?'],
      use: ['De quoi a-t-on vraiment besoin pour {use} ?', 'Qu’est-ce qui compte le plus pour «toi|vous» quand on parle de {use} ?'],
    },
    fillers: ['tout simplement', 'en fait', 'bien sûr', 'vraiment', 'très', 'franchement', 'simplement', 'littéralement', 'absolument', 'totalement', 'carrément'],
    question: '?',
  },
  es: {
    scenes: [
      'Anoche tenía la ficha técnica de {product} abierta junto a mis notas sobre {use}, y una línea no dejaba de llamarme la atención.',
      'Esta mañana, café en mano, comparaba opciones para {use}. Entonces apareció {product}.',
      'Estaba preparando los posts de la semana sobre {use} cuando llegó la información de {product}. La leí dos veces.',
    ],
    scenesDomain: [],
    questions: {
      claim: ['¿Qué cambiaría {claim} en {use}?', '¿Cuánto importa {claim} cuando se trata de {use}?'],
      product: ['¿Qué hace que {product} merezca la pena para {use}?', '¿Es {product} la mejora que {use} estaban esperando?'],
      use: ['¿Qué «necesitas|necesita» de verdad para {use}?', '¿Qué es lo que más «te|le» importa cuando se trata de {use}?'],
    },
    fillers: ['de verdad', 'la verdad', 'en realidad', 'por supuesto', 'realmente', 'muy', 'simplemente', 'sinceramente', 'literalmente', 'totalmente', 'absolutamente', 'básicamente'],
    question: '?',
  },
  hi: {
    scenes: [
      'कल रात मेरे सामने {product} की स्पेक शीट खुली थी और साथ में {use} पर मेरे नोट्स — एक लाइन बार-बार ध्यान खींच रही थी।',
      'आज सुबह कॉफ़ी के साथ {use} के विकल्पों की तुलना चल रही थी, तभी {product} सामने आया।',
      'इस हफ़्ते की {use} वाली पोस्ट्स की तैयारी चल रही थी, तभी {product} की जानकारी आई। मैंने उसे दो बार पढ़ा।',
    ],
    scenesDomain: ['{domain} मेरी रोज़ की दुनिया है, इसलिए जब {product} की जानकारी आई, तो मैंने उसे दो बार पढ़ा।'],
    questions: {
      claim: ['{claim} से {use} में क्या बदलेगा?', '{use} की बात हो, तो {claim} कितना मायने रखता है?'],
      product: ['{use} के लिए {product} में ऐसा क्या ख़ास है?', 'क्या {product} वही है जिसका {use} को इंतज़ार था?'],
      use: ['{use} के लिए असल में क्या चाहिए?', '{use} की बात हो, तो आपके लिए सबसे ज़्यादा क्या मायने रखता है?'],
    },
    fillers: ['असल में', 'सच में', 'वाकई', 'बिल्कुल', 'सचमुच', 'बहुत'],
    question: '?',
  },
};
