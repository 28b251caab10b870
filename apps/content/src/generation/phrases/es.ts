import type { PhrasePack } from './types';

// Neutral international Spanish; tú for social posts, usted when the persona is formal.
export const es: PhrasePack = {
  lang: 'es',
  locale: 'es-ES',
  and: 'y',
  quotes: ['«', '»'],
  stop: '.',

  labels: {
    pros: 'Pros', cons: 'Contras', verdict: 'Veredicto', atAGlance: 'De un vistazo', overview: 'Presentación',
    standsOut: 'Lo que destaca', considerations: 'A tener en cuenta', whoFor: '¿Para quién?', price: 'Precio',
    answer: 'Respuesta', answers: 'Respuestas', question: 'Pregunta', true: 'Verdadero', false: 'Falso', scene: 'Escena',
    visual: 'Imagen', voiceover: 'Voz en off', onScreen: 'Texto en pantalla', subject: 'Asunto', preheader: 'Texto de vista previa',
    whatsNew: 'Novedades', whatYouGet: 'Lo que «te|le» espera', about: 'Sobre {name}', availability: 'Disponibilidad',
    chapters: 'Capítulos', partnership: 'La colaboración', whatToExpect: 'Qué esperar', whyItFits: 'Por qué encaja con {use}',
    recommendation: 'Recomendación', button: 'Botón',
    sceneHook: 'Gancho', sceneProduct: 'Producto', sceneDetail: 'Detalle', sceneContext: 'En contexto', sceneCta: 'Llamada a la acción',
    chapterIntro: 'Intro', chapterFeatures: 'Lo más importante', chapterVerdict: 'Veredicto', chapterQuestions: 'Las preguntas',
    chapterOutro: 'Cierre',
  },

  where: { bio: 'enlace en la bio', description: 'enlace en la descripción' },

  hooks: {
    product_review: {
      bold: ['Hablemos de {product} {emoji}', 'Todo el mundo habla de {product}. ¿Con razón?', 'La gran pregunta: ¿merece la pena {product} para {use}? {emoji}'],
      warm: ['Un vistazo de cerca a {product}, pensado para {use}.', 'Si «piensas|piensa» en {use}, {product} merece una mirada.', 'Mi opinión sincera sobre {product}.'],
      refined: ['{product}, con calma.', 'Sobre {product}: lo que importa y lo que no.', 'Una lectura atenta de {product}.'],
      expert: ['{product} al detalle: lo que dicen las especificaciones para {use}.', 'Ficha técnica a examen: {product}.', 'He leído la ficha técnica de {product} para que «tú no tengas|usted no tenga» que hacerlo.'],
    },
    product_launch: {
      bold: ['¡Ya está aquí: {product}! {emoji}', '¡«Saluda|Salude» a {product}! {emoji}', 'Novedad: {product} acaba de llegar. {emoji}'],
      warm: ['«Te presento|Le presento» {product}, pensado para {use}.', 'Algo nuevo para quienes viven {use}: {product}.', '{product} ya es oficial, y llega pensando en {use}.'],
      refined: ['Presentamos {product}.', '{product}. Un nuevo capítulo.', 'Llega {product}.'],
      expert: ['{product} ya está aquí. Esto es lo nuevo.', 'Novedad: {product}. Los datos clave de un vistazo.', 'Lanzamiento de {product}: lo que de verdad es nuevo, en breve.'],
    },
    testimonial: {
      bold: ['Por qué {product} tiene toda mi atención {emoji}', 'Por esto {product} tiene sentido para {use}. {emoji}', '¿{product} para {use}? Estos son los argumentos.'],
      warm: ['En mis palabras: por qué {product} encaja con {use}.', 'Unas palabras sobre {product}, para quienes disfrutan de {use}.', 'Por qué recomiendo {product} una y otra vez.'],
      refined: ['{product}, en pocas palabras.', '{product}: una recomendación meditada.', 'Una nota sobre {product}.'],
      expert: ['Los argumentos a favor de {product}, en un párrafo.', 'Por qué {product} destaca para {use}: mi razonamiento.', '{product} para {use}: el argumento en breve.'],
    },
    lead_magnet: {
      bold: ['¿«Quieres|Quiere» sacarle más partido a {use}? «Empieza|Empiece» aquí. {emoji}', 'Se acabaron las dudas sobre {use}. {product} lo aclara. {emoji}', '«Tu|Su» atajo para {use}: {product}. {emoji}'],
      warm: ['¿«Empiezas|Empieza» con {use}? {product} hace fácil el primer paso.', 'Una pequeña ayuda para {use}: {product}.', '¿«Piensas|Piensa» en {use}? Esto es para «ti|usted».'],
      refined: ['Todo lo que vale la pena saber sobre {use}, en un solo lugar.', '{product}: lo esencial, nada más.', 'Un mejor comienzo para {use}: {product}.'],
      expert: ['Lo esencial de {use}, condensado: {product}.', 'Antes de decidir nada sobre {use}, «empieza|empiece» por {product}.', '{product}: un punto de partida práctico para {use}.'],
    },
    trivia: {
      bold: ['¡Hora del quiz! {emoji} ¿Cuánto «sabes|sabe» de {product}?', '¿«Crees|Cree» que «conoces|conoce» {product}? ¡«Demuéstralo|Demuéstrelo»! {emoji}', '¡Pausa de trivia! {emoji} A ver quién ha prestado atención.'],
      warm: ['Un pequeño quiz para «tu|su» feed: ¿cuánto «sabes|sabe» de {product}?', 'Toca un quiz rápido sobre {product}. {emoji}', '¿Un juego de adivinanzas sobre {product}?'],
      refined: ['Para curiosos: un breve quiz sobre {product}.', 'Una pregunta o dos, sobre {product}.', 'Trivia, en breve: {product}.'],
      expert: ['«Pon|Ponga» a prueba «tus|sus» conocimientos: {product} y {use}.', 'Trivia para amantes del detalle: {product}.', '¿Cuánto «sabes|sabe» de las especificaciones de {product}?'],
    },
    collab_content: {
      bold: ['{agent} × {partner}. ¡Es oficial! {emoji}', 'Gran noticia: ¡{agent} se une a {partner}! {emoji}', 'Alerta de colaboración: {agent} × {partner}. {emoji}'],
      warm: ['Una noticia que me hace mucha ilusión: {agent} y {partner} trabajan juntos.', 'Dos mundos, un proyecto: {agent} × {partner}.', '«Te presento|Le presento» una nueva colaboración: {agent} × {partner}.'],
      refined: ['{agent} × {partner}.', 'Una colaboración: {agent} y {partner}.', '{agent} y {partner}, juntos.'],
      expert: ['{agent} y {partner} unen fuerzas en torno a {product}. Esto es lo que significa.', 'Anuncio de colaboración: {agent} × {partner}.', 'Nueva alianza: {agent} × {partner}, con el foco en {use}.'],
    },
  },

  styledHooks: {
    'story-led': ['Todo empezó con una pregunta sencilla: ¿qué importa de verdad en {use}?', 'Toda buena historia de {use} empieza con la elección correcta. Esta empieza con {product}.'],
    'question-led': ['¿Qué es lo que más «te|le» importa cuando se trata de {use}?', '¿Alguna vez «te has preguntado|se ha preguntado» qué hace diferente a {product}?'],
    'cta-led': ['No «sigas|siga» deslizando si «piensas|piensa» en {use}.', '«Guárdalo|Guárdelo» para después: {product}, pensado para {use}.'],
    punchy: ['{product}. Para {use}.', '{product}. Sin rodeos.'],
  },

  titles: {
    product_review: ['{product}: lo esencial para {use}', '¿Merece la pena {product} para {use}?', '{product}, analizado a partir de su ficha técnica'],
    product_launch: ['Presentamos {product}', '{product} ya está aquí', 'Nuevo: {product}, pensado para {use}'],
    testimonial: ['Por qué {product} encaja con {use}', '{agent} sobre {product}', 'Los argumentos a favor de {product}'],
    lead_magnet: ['Todo para {use}: {product}', 'Saca más partido a {use} con {product}', '{product}: «tu|su» punto de partida para {use}'],
    trivia: ['¿Cuánto «sabes|sabe» de {product}?', 'El quiz de {product}', 'Trivia: {product} y {use}'],
    collab_content: ['{agent} × {partner}', '{agent} se une a {partner}', 'Anunciamos {agent} × {partner}'],
  },

  claim: [
    '{claim}: un detalle que marca la diferencia.',
    'Lo más destacado: {claim}.',
    'Un punto fuerte: {claim}.',
  ],
  claimMore: [
    '{claim}, justo lo que hace falta aquí.',
    'Y además: {claim}.',
  ],
  use: ['Pensado para {use}.', 'El objetivo está claro: {use}.', 'Con {use} en mente.'],
  audience: ['Ideal para {audience}.', 'Especialmente interesante para {audience}.'],
  price: ['Precio: {price}.', 'Disponible por {price}.'],
  expertise: ['Desde la perspectiva de {domain}, eso es lo que cuenta.', 'Mi terreno es {domain}, y justo ahí es donde me fijo.'],
  topic: ['Esta semana todo el mundo habla de {topic}, y esta es mi opinión.', 'El tema de esta semana: {topic}.', 'Hablemos de {topic}.'],
  closing: {
    bold: ['Merece la pena. De verdad.', '«Tu|Su» turno.', 'Esto merece «tu|su» atención.'],
    warm: ['«Cuéntame|Cuénteme» en los comentarios qué «te|le» parece.', '¡Tengo ganas de leer «tu|su» opinión!', '¿Sería «tu|su» elección?'],
    refined: ['Convence sin hacer ruido.', 'Menos ruido, más fondo.', 'Pensado hasta el último detalle.'],
    expert: ['Primero los datos, siempre.', 'Las especificaciones hablan por sí solas.', 'Decidir con todos los detalles delante.'],
  },
  cta: {
    product_review: ['«Descubre|Descubra» {product} de cerca', '«Consulta|Consulte» todas las especificaciones de {product}', '«Echa|Eche» un vistazo a {product}'],
    product_launch: ['«Descubre|Descubra» {product}', '«Sé de|Sea de» los primeros en tener {product}', '«Explora|Explore» {product} ahora'],
    testimonial: ['«Descubre|Descubra» más sobre {product}', '«Comprueba|Compruebe» si {product} encaja «contigo|con usted»', '«Echa|Eche» un vistazo a {product}'],
    lead_magnet: ['«Consigue|Consiga» {product}', '«Regístrate y recibe|Regístrese y reciba» {product}', '«Consigue|Consiga» {product} hoy mismo'],
    trivia: ['«Deja tus|Deje sus» respuestas en los comentarios', '«Comparte tu|Comparta su» puntuación en los comentarios', '«Comparte|Comparta» esto con alguien que lo acertaría todo'],
    collab_content: ['«Síguenos para no perderte|Síganos para no perderse» nada', 'Atentos a lo que viene', '«Sigue|Siga» a {agent} y {partner} para no perderse nada'],
  },
  promo: ['Usa el código {code} al pagar.', 'Con el código {code} al finalizar la compra.'],

  review: {
    basis: ['Basado en las especificaciones oficiales y en la información de la marca.', 'Mi análisis, a partir de las especificaciones y afirmaciones publicadas.'],
    articleIntro: [
      '{product} apunta claramente a {use}. Qué promete la ficha técnica, dónde brilla y para quién tiene sentido.',
      '¿Qué aporta {product} a {use}? Un repaso a las promesas, los compromisos y el veredicto.',
    ],
    consPrice: ['Con {price}, conviene sopesar el precio frente al uso previsto.', '{price} es una inversión; «asegúrate|asegúrese» de que encaja con «tus|sus» planes.'],
    consFocus: [
      'Especializado en {use}: si ese no es «tu|su» foco, puede que no «necesites|necesite» todo lo que ofrece.',
      'Construido en torno a {use}; con necesidades más ligeras, parte de su potencial se queda sin usar.',
    ],
    consGeneric: [
      'Las prestaciones anunciadas vienen de la marca: «compáralas|compárelas» con «tus|sus» propias prioridades.',
      'Antes de comprar, «revisa|revise» los detalles que «te|le» importan (talla, compatibilidad, disponibilidad).',
    ],
    verdict: {
      bold: ['Para quien se toma en serio {use}, {product} es un candidato serio.', '{product} ofrece justo lo que hace falta para {use}.'],
      warm: ['Una elección pensada para quienes disfrutan de {use}.', 'En conjunto, {product} tiene argumentos sólidos para {use}.'],
      refined: ['Meditado, preciso y claramente pensado para {use}.', '{product} sabe exactamente para qué existe.'],
      expert: ['Sobre el papel, {product} cubre lo esencial para {use}.', 'Buenas especificaciones para {use}; el resto depende de «tus|sus» prioridades.'],
    },
    recommendAudience: ['Recomendado para {audience}.', 'Ideal para {audience}.'],
    recommendUse: ['Recomendado para quien tenga {use} como prioridad.', 'Una gran elección si «tu|su» prioridad es {use}.'],
  },

  launch: {
    whatsNewIntro: ['Esto es lo nuevo:', 'Lo que «obtienes|obtiene»:'],
    threadOpen: ['{product} ya está aquí, pensado para {use}. Los datos clave en un hilo {thread}', 'Novedad: {product}. Todo lo que hay que saber, post a post {thread}'],
    threadClose: ['Y hasta aquí {product} en resumen.', 'Eso es {product} en pocas palabras. ¿Preguntas? En los comentarios.'],
    pressHeadlineBrand: ['{brand} presenta {product}, pensado para {use}', '{brand} desvela {product} para {use}'],
    pressHeadlineProduct: ['Llega {product}, pensado para {use}', 'Lanzamiento de {product} con el foco en {use}'],
    pressSubhead: ['La novedad pone el acento en {claim}.', 'Entre sus puntos fuertes: {claims}.'],
    pressLeadBrand: ['{brand} ha anunciado hoy {product}, una novedad diseñada para {use}.', '{brand} presenta hoy {product}, pensado para las necesidades de {use}.'],
    pressLeadProduct: ['Hoy se lanza {product}, una novedad pensada para {use}.', 'Hoy llega {product}, centrado en las necesidades de {use}.'],
    pressBody: ['{product} reúne {claims}.', 'En el centro de {product}: {claims}.'],
    pressFeaturesIntro: ['Características principales:', 'Lo más destacado de un vistazo:'],
    pressQuote: ['{product} es una respuesta clara para {use}.', 'Lo que distingue a {product} es su enfoque: {claim}.'],
    pressAttribution: '{agent}, personalidad virtual con IA',
    pressUrl: 'Más información: {url}',
    aboutAgent: ['{agent} es una personalidad virtual impulsada por IA, especializada en {domain}. Los contenidos de {agent} están generados por IA y se identifican como tales.'],
    aboutAgentNoDomain: ['{agent} es una personalidad virtual impulsada por IA. Los contenidos de {agent} están generados por IA y se identifican como tales.'],
  },

  testimonial: {
    quotes: [
      'Si se tratara de {use}, {claim} sería lo primero que buscaría, y {product} lo tiene.',
      'En {use}, los detalles cuentan. En {product}, ese detalle se llama {claim}.',
      '¿Qué hace que {product} convenza para {use}? {claim}. Así de simple.',
      'A quien se tome en serio {use}, le recomendaría {product}. {claim} lo dice todo.',
    ],
    reviewIntro: ['Por qué {product} merece una recomendación para {use}, en mis palabras.', 'Mis razones para recomendar {product} a quienes disfrutan de {use}.'],
    reviewClose: ['Si «tu|su» prioridad es {use}, {product} merece un lugar en «tu|su» lista.', 'Para {use}, una recomendación fácil.'],
  },

  lead: {
    subject: ['«Tu|Su» siguiente paso para {use}: {product}', '{product} «te|le» espera', 'Una victoria rápida para {use}'],
    preheader: ['Qué incluye y por qué importa para {use}.', 'Todo para {use}, en un solo lugar.'],
    greeting: ['«¡Hola!|Hola:»', '«Hola,|Buenos días:»'],
    emailIntro: ['Si «piensas|piensa» en {use}, este correo es para «ti|usted».', 'Hoy, algo breve: una forma de hacer {use} más fácil.'],
    emailOutro: ['Empezar solo lleva un momento.', 'Sin rollos ni relleno: solo lo que ayuda.'],
    signoff: ['¡Hasta pronto!\n{agent}', '«Un abrazo|Un cordial saludo»,\n{agent}'],
    ps: ['P. D.: Solo por {claim} ya merece la pena echarle un vistazo.', 'P. D.: «Reenvía|Reenvíe» este correo a alguien a quien le interese {use}.'],
    landingHeadline: ['Todo lo que «necesitas|necesita» para {use}', '{use}, más fácil con {product}'],
    landingSub: ['{product} reúne {claims}.', 'Pensado para {use}: {product}.'],
    landingButton: ['Conseguir {product}', 'Empezar'],
    landingReassurance: ['Solo lleva un momento.', 'Rápido de empezar, fácil de usar.'],
  },

  trivia: {
    intro: ['¡Hora del quiz! {emoji}', '¡Pausa de trivia! {emoji}'],
    quizIntro: ['{n} preguntas sobre {product}. «Apunta tus|Apunte sus» aciertos: las respuestas están al final.', '¿Cuántas de estas {n} «aciertas|acierta»? Respuestas al final.'],
    qUse: '¿Para qué está pensado {product}?',
    qFeature: '¿Cuál de estas características es de {product}?',
    qTrueFalse: 'Verdadero o falso: {product} apuesta por {claim}.',
    qBlank: 'Completa la frase: una de las características clave de {product} es ____.',
    explainUse: '{product} está pensado para {use}.',
    explainFeature: '{claim} es una de las características clave de {product}.',
    explainTrue: '{claim} es uno de sus puntos fuertes.',
    explainFalse: '{answer} no forma parte de {product}. Un punto fuerte real: {claim}.',
    commentPrompt: ['¡«Deja tu|Deje su» respuesta en los comentarios antes de mirar!', '«Primero adivina, luego desliza|Primero adivine, luego deslice» hacia abajo.'],
    spoiler: 'Respuesta más abajo {down}',
    distractorFeatures: [
      'una cafetera de espresso integrada', 'almohadillas con cancelación de ruido', 'una caja de cambios de doce velocidades', 'un panel solar plegable',
      'una maceta con autorriego', 'una esfera que brilla en la oscuridad', 'un volante calefactado', 'un teclado resistente al agua',
      'un accesorio de horno para pizza', 'un cabezal de cepillo de dientes de bambú',
    ],
    distractorUses: ['el buceo en aguas profundas', 'el ajedrez de competición', 'hornear pan de masa madre', 'observar las estrellas', 'el baile de salón', 'la observación de aves', 'la pesca en hielo', 'la cerámica'],
  },

  collab: {
    announce: ['{agent} × {partner}: nos unimos.', 'Es oficial: {agent} y {partner} unen fuerzas.'],
    whyDomain: ['Por qué funciona: {partner} aporta {claim}, y {agent}, su mirada sobre {domain}.', 'Un foco común: {domain}, con {product} en el centro.'],
    whyUse: ['Por qué funciona: una pasión compartida por {use}.', 'Dos miradas, un objetivo: mejorar {use}.'],
    whatsComing: ['Lo que viene: nuevos contenidos en torno a {product}, pensados para {use}.', 'En las próximas semanas, nuevas miradas sobre {product} y {use}.'],
    stayTuned: ['Muy pronto, más.', '¡Atentos!'],
  },

  video: {
    hookVisual: ['{agent} a cámara, plano cerrado, texto grande en pantalla.', 'Corte rápido: {product} aparece sobre fondo neutro.'],
    productVisual: ['Paneo lento sobre {product}, con el detalle clave enfocado.', 'Primer plano de {product}; un texto en pantalla señala la característica.'],
    detailVisual: ['Plano macro del detalle con rótulo gráfico.', 'Pantalla dividida: característica y producto lado a lado.'],
    contextVisual: ['Recursos: {product} en un contexto de {use}.', 'Plano lifestyle relacionado con {use}.'],
    ctaVisual: ['{agent} a cámara; cartela final con el nombre del producto.', 'Cartela final: {product} con la llamada a la acción.'],
  },

  youtube: { subscribe: ['«Suscríbete|Suscríbase» para ver más.', '«Suscríbete para no perderte|Suscríbase para no perderse» el próximo vídeo.'] },
  linkedin: { question: ['¿Qué es lo que más le importa a la hora de elegir para {use}?', '¿Cómo aborda su equipo {use}? Me interesa conocer su opinión.'] },
  social: { question: ['¿Qué «elegirías|elegiría» para {use}?', '¿Entra {product} en «tu|su» lista?'] },

  hashtags: {
    product_review: ['#Reseña', '#Análisis'],
    product_launch: ['#Novedad', '#Lanzamiento'],
    testimonial: ['#Recomendado', '#Destacado'],
    lead_magnet: ['#Consejos', '#Guía'],
    trivia: ['#Trivia', '#Quiz'],
    collab_content: ['#Colaboración', '#Alianza'],
  },
};
