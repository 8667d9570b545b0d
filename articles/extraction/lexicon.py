"""What words mean to event extraction, per language: triggers by event type, the words that
make a sentence or an article off-topic, background cues. Data only; the engines are in
`triggers.py`, `participants.py` and `relevance.py`.

Triggers come in three kinds:
- `STEMS`: words whose every inflection counts ("anunció", "anunciaron", "anuncia"; "detained",
  "detains"): each is reduced by the Snowball stemmer of its language, and so is each word of a
  sentence, so one entry covers a verb's forms;
- `FORMS`: exact word forms, for irregular verbs (dijo, detuvo, met, told) and for words whose
  stem would collide with a common word ("nombró" and "nombre" share the stem "nombr", "paro"
  and "para" the stem "par"); an exact form wins over a stem;
- `PHRASES`: several words, matched as written (case folded).
"""

VISIT = "visit"
MEETING = "meeting"
AGREEMENT = "agreement"
STATEMENT = "statement"
POLICY = "policy"
LEGISLATION = "legislation"
COURT = "court"
ARREST = "arrest"
TRANSFER = "transfer"
SANCTION = "sanction"
APPOINTMENT = "appointment"
ELECTION = "election"
ATTACK = "attack"
PROTEST = "protest"
OTHER = "other"

# When a sentence has triggers of several types, the most specific act wins: "X said the police
# arrested Y" is an arrest, "a complaint for attempted murder" a court event.
PRIORITY = (
    COURT, ARREST, TRANSFER, SANCTION, APPOINTMENT, ELECTION, LEGISLATION, AGREEMENT, MEETING,
    VISIT, POLICY, ATTACK, PROTEST, STATEMENT,
)  # fmt: skip

STEMS = {
    "es": {
        VISIT: "visitar viajar",
        MEETING: "reunirse reunión reuniones cumbre",
        AGREEMENT: "acordar pacto convenio",
        STATEMENT: """afirmar asegurar denunciar anunciar declarar criticar rechazar pedir exigir
            llamar responder señalar indicar explicar agregar aseverar acusar cuestionar
            calificar reconocer admitir insistir enfatizar subrayar advertir alertar
            comentar apuntar sostener negar desmentir lamentar celebrar defender
            destacar manifestó expresar emplazar solicitar proponer prometer amenazar
            puntualizar detallar relatar narrar mencionar añadir recordar opinar aclarar
            reiterar concluir argumentar replicar contestar acotar complementar""",
        POLICY: "decretar decreto indultar indulto arancel otorgar promulgar",
        LEGISLATION: "aprobar vetar veto votar legislar tramitar",
        COURT: """formalizar imputar querella querellarse sentencia sentenciar absolver
            investigación investigar acusación""",
        ARREST: "detener arrestar capturar aprehender allanar allanamiento",
        TRANSFER: "trasladar extraditar expulsar repatriar extradición",
        SANCTION: "sancionar sanción multar multa prohibir",
        APPOINTMENT: "designar renunciar dimitir destituir juramentar asumir",
        ELECTION: "elección elecciones plebiscito referéndum comicios balotaje",
        ATTACK: """atacar ataque asesinar asesinato homicidio matar incendiar incendio saquear
            saqueo agredir agresión golpear atentado balacera vandalizar
            quemar destrozo disparar explosión ciberataque hackeo secuestro secuestrar""",
        PROTEST: "marcha protesta protestar huelga cacerolazo movilización",
    },
    "en": {
        VISIT: "visit trip tour travel",
        MEETING: "meet meeting summit",
        AGREEMENT: "agree agreement deal pact treaty memorandum partnership",
        STATEMENT: """announce declare deny warn criticise criticize accuse demand urge insist
            claim argue admit confirm reject praise condemn pledge vow promise respond reply
            add defend apologise apologize welcome threaten propose stress note explain
            suggest acknowledge announcement statement""",
        POLICY: "decree curfew pardon tariff budget invoke crackdown",
        LEGISLATION: "approve veto vote amendment legislation",
        COURT: "sentence convict acquit indict prosecute trial investigate investigation",
        ARREST: "arrest detain capture raid apprehend",
        TRANSFER: "transfer deport deportation extradite extradition expel repatriate",
        SANCTION: "sanction ban embargo",
        APPOINTMENT: "appoint appointment resign resignation sack nominate reshuffle",
        ELECTION: "election elect referendum ballot plebiscite",
        ATTACK: """attack kill murder bomb bombing assault arson riot clash loot stab injure
            explosion explode hack shooting""",
        PROTEST: "protest demonstration demonstrator strike rally walkout blockade picket",
    },
}

FORMS = {
    "es": {
        VISIT: "visita visitas",
        MEETING: "encuentro reunió reunieron",
        AGREEMENT: """acuerdo acuerdos alianza tratado tratados firmó firmaron firmado firmada
            firmar firmará firmarán""",
        STATEMENT: """dijo dijeron dice dicen sostuvo sostuvieron niega niegan advierte
            advierten pide piden manifestó manifestaron expuso propuso valoró valoraron planteó
            precisó""",
        POLICY: "ordenó",
        LEGISLATION: "",
        COURT: "imputado imputada imputados querelló querellaron tribunal fallo procesado demandó",
        ARREST: "detuvo detuvieron detenido detenida detenidos detenidas detención detenciones",
        TRANSFER: "deportó deportaron deportado deportada deportados deportación deportaciones",
        SANCTION: "",
        APPOINTMENT: """nombró nombraron nombrado nombrada nombramiento nombramientos
            eligió ratificó ratificado ratificada""",
        ELECTION: """electo electa elegido elegida elegidos elegidas eligieron votación primarias
            candidatura""",
        ATTACK: """herido herida heridos heridas mató mataron muerto muertos barricadas
            enfrentamiento enfrentamientos""",
        PROTEST: """paro paros manifestación manifestaciones manifestantes estallido bloqueo
            bloqueos""",
    },
    "en": {
        VISIT: "visited visits travelled traveled",
        MEETING: "met talks hosted hosts hosting",
        AGREEMENT: "signed signs signing accord accords",
        STATEMENT: """said says say told tells wrote writes stated called calls questioned""",
        POLICY: "ordered",
        LEGISLATION: "bill passed",
        COURT: "charged charges sentenced ruled ruling court",
        ARREST: "",
        TRANSFER: "",
        SANCTION: "fined fines banned",
        APPOINTMENT: "sworn appointed",
        ELECTION: "polls voters",
        ATTACK: "shot wounded killed dead",
        PROTEST: "marched marchers protesters",
    },
}

PHRASES = {
    "es": {
        VISIT: ["gira oficial", "su gira", "en gira"],
        MEETING: ["se reunió", "se reunieron", "sostuvo una reunión", "sostuvieron una reunión"],
        POLICY: [
            "estado de excepción",
            "régimen de excepción",
            "estado de emergencia",
            "toque de queda",
            "pensiones de gracia",
            "pensión de gracia",
        ],
        LEGISLATION: ["proyecto de ley", "acusación constitucional", "reforma constitucional"],
        COURT: ["condenado a", "condenada a", "condenados a", "condenó a", "presentó una querella"],
        APPOINTMENT: ["asumirá el cargo", "asumió el cargo", "cambio de gabinete"],
        ELECTION: ["segunda vuelta", "ganó las elecciones"],
        PROTEST: ["estallido social"],
    },
    "en": {
        MEETING: ["held talks", "hold talks"],
        POLICY: ["state of emergency", "state of exception", "emergency decree"],
        LEGISLATION: ["draft bill", "came into force", "comes into force", "come into force"],
        APPOINTMENT: ["sworn in", "took office", "take office", "stepped down"],
        AGREEMENT: ["struck a deal", "reached an agreement"],
    },
}

# Article topics that yield no events: words counted in the title, body and URL (a section path
# such as "/deportes/" counts for several). A politics cue pulls the other way.
OFF_TOPIC = {
    "es": """fútbol futbol gol goles partido partidos campeonato torneo entrenador delantero
        arquero hincha hinchas estadio selección futbolista tenis tenista Colo-Colo
        película películas serie series actor actriz cantante concierto álbum canción
        canciones teleserie farándula matinal reality chef restaurante receta recetas moda
        belleza horóscopo turismo turistas balneario balnearios verano vacaciones playa
        smartphone celular Samsung iPhone producto productos marca lanzamiento tienda
        descuento lluvia lluvias pronóstico temperaturas precipitaciones sistema frontal
        novela libro escritor escritora artista exposición museo cine festival pacientes
        enfermedad salud hospital""",
    "en": """football match goal goals league championship tournament coach striker
        goalkeeper fans stadium player players tennis film films movie album singer concert
        song songs celebrity chef restaurant recipe fashion beauty horoscope holiday tourism
        tourists smartphone iPhone Samsung gadget product products launch sale weather
        forecast rain temperatures storm novel artist museum festival rugby cricket
        athletics athlete athletes Olympic Olympics medal medals squad semi-final
        quarter-final Premiership Wimbledon boxing golf sprinter marathon referee
        midfielder defender wicket batsman actor actress Oscar Oscars Bafta Grammy
        box-office band sitcom""",
}
ON_TOPIC = {
    "es": """gobierno presidente presidenta ministro ministra ministerio subsecretario
        Congreso Senado senador senadora diputado diputada diputados parlamentario ley
        Carabineros policía fiscal fiscalía tribunal corte juez jueza elección elecciones
        plebiscito constitución constitucional convención candidato candidata protesta
        manifestación marcha estallido derechos humanos detenidos querella gabinete
        alcalde alcaldesa intendente oposición oficialismo partido político""",
    "en": """government minister ministers prime parliament MP MPs MSP election elections
        police court judge law bill Labour Tory Tories Conservative Conservatives Democrats
        Commons Lords cabinet chancellor party opposition secretary committee council
        referendum protest campaign policy""",
}
OFF_TOPIC_SECTIONS = """deportes deporte sports sport culto cultura entretencion espectaculos
    entertainment glamorama tendencias tecnologia tecnología technology vida-y-estilo lifestyle
    estilo-de-vida turismo viajes gastronomia gastronomía moda belleza tiempo clima weather
    motor autos""".split()

# Sentences about a game, a show or a product tell no political event, whatever the article.
OFF_TOPIC_SENTENCE = {
    "es": ["tiro libre", "tiro penal", "gol", "golazo", "goles", "marcador", "camiseta", "cancha"],
    "en": ["free kick", "penalty kick", "scored a goal", "own goal", "hat-trick", "kick-off"],
}

# Background, not news: "fundada en 1949", "the 1851 battle", "born in 1960". Each pattern with
# a word every match of it contains, so a text without any of them is not scanned.
BACKGROUND = {
    "es": [
        ("fundad", r"\bfundad[oa]s?\s+(?:en|el)\b"),
        ("naci", r"\bnaci[óo]\s+(?:en|el)\b"),
        ("construid", r"\bconstruid[oa]s?\s+en\b"),
        ("inaugurad", r"\binaugurad[oa]s?\s+en\s+\d{4}"),
        ("fundación", r"\bdesde\s+su\s+fundación\b"),
        ("batalla", r"\bbatalla\s+de\b"),
        ("siglo", r"\ba\s+(?:fines|finales|principios|mediados)\s+del?\s+siglo\b"),
    ],
    "en": [
        ("founded", r"\bfounded\s+in\b"),
        ("born", r"\bborn\s+in\b"),
        ("built", r"\bbuilt\s+in\b"),
        ("established", r"\bestablished\s+in\s+\d{4}"),
        ("battle", r"\bthe\s+\d{4}\s+battle\b|\bbattle\s+of\s+\d{4}\b"),
        ("war", r"\bthe\s+\d{4}\s+war\b|\bwar\s+of\s+\d{4}\b"),
        ("revolution", r"\bthe\s+\d{4}\s+revolution\b"),
        ("0s", r"\bin\s+the\s+(?:late|early|mid)[- ]\d{4}s\b"),
    ],
}

# Words that come before a name without being part of it ("el presidente Gabriel Boric", "Mr
# Thomas"), and capitalised words that are no name at the start of a sentence.
TITLES = {
    "es": """presidente presidenta expresidente expresidenta ministro ministra exministro
        exministra subsecretario subsecretaria senador senadora diputado diputada diputados
        alcalde alcaldesa general coronel fiscal jueza juez abogado abogada canciller
        vocero vocera gobernador gobernadora candidato candidata dirigente líder director
        directora secretario secretaria don doña sr sra dr dra mandatario mandataria""",
    "en": """president prime minister secretary chancellor mr mrs ms miss dr sir lord lady
        leader chairman chairwoman chair spokesman spokeswoman deputy mayor judge general
        senator governor professor prof""",
}
NOT_NAMES = {
    "es": """el la los las un una unos unas lo al del de en y o e a con por para pero sin
        según este esta estos estas ese esa eso esto aquel sus su mi tu nuestro nuestra se
        que qué cuando cuándo donde dónde como cómo quien quién si no ya más también hoy
        ayer mañana tras ante desde durante entre hasta hacia sobre bajo además así aunque
        luego después antes ahora entonces mientras incluso sí cada otro otra otros otras
        todo todos toda todas él ella ellos ellas nosotros usted ustedes yo le les me nos""",
    "en": """the a an this that these those his her its their our my your he she it they we
        i you in on at of for and but or if as by from with after before during while when
        where who what why how however also there here then now yesterday today tomorrow
        last next mr mrs ms some many all both each every no not so yet still meanwhile
        according under over""",
}
MONTHS_AND_DAYS = """enero febrero marzo abril mayo junio julio agosto septiembre setiembre
    octubre noviembre diciembre lunes martes miércoles jueves viernes sábado domingo january
    february march april may june july august september october november december monday
    tuesday wednesday thursday friday saturday sunday""".split()

# Words that make the next verb a wish, a duty or a guess, not something that happened:
# "Milei debe resolver…", "There would be 385 members", "podría firmar".
MODALS = {
    "es": """debe deben debería deberían debiera podría podrían pudiera pudieran puede pueden
        habría habrían quizás quizá ojalá""",
    "en": """would could should might must may can cannot""",
}
