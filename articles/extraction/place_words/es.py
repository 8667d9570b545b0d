"""Spanish place words. Demonyms in the masculine singular: "salvadoreño" → "salvadoreña",
"salvadoreños", "salvadoreñas" by rule (see `places_index.spanish_inflections`)."""

DEMONYMS = {
    "AF": ["afgano"], "AL": ["albanés"], "DE": ["alemán"], "AD": ["andorrano"],
    "AO": ["angoleño"], "SA": ["saudí", "saudita"], "DZ": ["argelino"], "AR": ["argentino"],
    "AM": ["armenio"], "AU": ["australiano"], "AT": ["austriaco", "austríaco"],
    "AZ": ["azerbaiyano"], "BS": ["bahameño"], "BD": ["bangladesí"], "BB": ["barbadense"],
    "BE": ["belga"], "BZ": ["beliceño"], "BY": ["bielorruso"], "BO": ["boliviano"],
    "BA": ["bosnio"], "BR": ["brasileño"], "BG": ["búlgaro"], "KH": ["camboyano"],
    "CM": ["camerunés"], "CA": ["canadiense"], "QA": ["catarí"], "TD": ["chadiano"],
    "CL": ["chileno"], "CN": ["chino"], "CY": ["chipriota"], "CO": ["colombiano"],
    "KR": ["surcoreano"], "KP": ["norcoreano"], "CR": ["costarricense"], "CI": ["marfileño"],
    "HR": ["croata"], "CU": ["cubano"], "DK": ["danés"], "EC": ["ecuatoriano"],
    "EG": ["egipcio"], "SV": ["salvadoreño"], "AE": ["emiratí"], "ER": ["eritreo"],
    "SK": ["eslovaco"], "SI": ["esloveno"], "ES": ["español", "hispano"],
    "US": ["estadounidense", "norteamericano"], "EE": ["estonio"], "ET": ["etíope"],
    "PH": ["filipino"], "FI": ["finlandés"], "FR": ["francés"], "GA": ["gabonés"],
    "GE": ["georgiano"], "GH": ["ghanés"], "GR": ["griego"], "GT": ["guatemalteco"],
    "GN": ["guineano"], "GY": ["guyanés"], "HT": ["haitiano"], "HN": ["hondureño"],
    "HU": ["húngaro"], "IN": ["indio"], "ID": ["indonesio"], "IQ": ["iraquí"], "IR": ["iraní"],
    "IE": ["irlandés"], "IS": ["islandés"], "IL": ["israelí"], "IT": ["italiano"],
    "JM": ["jamaiquino"], "JP": ["japonés"], "JO": ["jordano"], "KZ": ["kazajo"],
    "KE": ["keniano"], "KW": ["kuwaití"], "LV": ["letón"], "LB": ["libanés"],
    "LR": ["liberiano"], "LY": ["libio"], "LT": ["lituano"], "LU": ["luxemburgués"],
    "MK": ["macedonio"], "MY": ["malasio"], "ML": ["maliense"], "MT": ["maltés"],
    "MA": ["marroquí"], "MX": ["mexicano"], "MD": ["moldavo"], "MC": ["monegasco"],
    "MN": ["mongol"], "ME": ["montenegrino"], "MZ": ["mozambiqueño"], "NA": ["namibio"],
    "NP": ["nepalí"], "NI": ["nicaragüense"], "NE": ["nigerino"], "NG": ["nigeriano"],
    "NO": ["noruego"], "NZ": ["neozelandés"], "NL": ["neerlandés", "holandés"],
    "PK": ["pakistaní", "paquistaní"], "PS": ["palestino"], "PA": ["panameño"],
    "PY": ["paraguayo"], "PE": ["peruano"], "PL": ["polaco"], "PT": ["portugués"],
    "PR": ["puertorriqueño"], "GB": ["británico", "inglés"], "CZ": ["checo"],
    "DO": ["dominicano"], "RO": ["rumano"], "RU": ["ruso"], "RW": ["ruandés"],
    "SN": ["senegalés"], "RS": ["serbio"], "SG": ["singapurense"], "SY": ["sirio"],
    "SO": ["somalí"], "LK": ["esrilanqués"], "ZA": ["sudafricano"], "SD": ["sudanés"],
    "SE": ["sueco"], "CH": ["suizo"], "SR": ["surinamés"], "TH": ["tailandés"],
    "TW": ["taiwanés"], "TZ": ["tanzano"], "TT": ["trinitense"], "TN": ["tunecino"],
    "TR": ["turco"], "UA": ["ucraniano"], "UG": ["ugandés"], "UY": ["uruguayo"],
    "UZ": ["uzbeko"], "VE": ["venezolano"], "VN": ["vietnamita"], "YE": ["yemení"],
    "ZM": ["zambiano"], "ZW": ["zimbabuense"],
}  # fmt: skip

# People of a country in a form the rules do not make.
NOUNS_ONLY = {"ticos": "CR", "ticas": "CR", "gringos": "US"}

SHORT_FORMS = {
    "US": ["EE.UU.", "EEUU", "EE. UU.", "EUA", "Estados Unidos", "Norteamérica"],
    "GB": ["Gran Bretaña", "Inglaterra"], "KR": ["Corea del Sur"], "KP": ["Corea del Norte"],
    "RU": ["Rusia"], "CD": ["República Democrática del Congo", "RD Congo"],
    "NL": ["Holanda"], "VA": ["Vaticano", "Ciudad del Vaticano"], "PS": ["Palestina", "Gaza"],
    "MX": ["México"], "PE": ["Perú"], "PA": ["Panamá"], "CZ": ["República Checa"],
    "AE": ["Emiratos Árabes Unidos", "Emiratos"], "TR": ["Turquía"], "IR": ["Irán"],
    "DO": ["República Dominicana"], "CI": ["Costa de Marfil"], "BR": ["Brasil"],
    "SA": ["Arabia Saudita", "Arabia Saudí"], "JP": ["Japón"], "MA": ["Marruecos"],
}  # fmt: skip

# Capitalised words that open sentences or stand before names (titles) and are no name by
# themselves: a place next to one is still a place ("En Chile", "Presidente de Chile").
FUNCTION_WORDS = """
A Al Ante Bajo Con Contra De Del Desde Durante En Entre Hacia Hasta Para Por Según Sin Sobre
Tras El La Lo Los Las Un Una Unos Unas Este Esta Estos Estas Ese Esa Esos Esas Aquel Y O Pero
Si No Que Qué Como Cómo Cuando Cuándo Donde Dónde Quien Quién Su Sus Mi Mis Tu Tus Nuestro
Nuestra Él Ella Ellos Ellas Yo Nosotros Ya Hoy Ayer Mañana Además Sin Embargo Así También
Presidente Presidenta Expresidente Expresidenta Ministro Ministra Canciller Vicepresidente
Vicepresidenta Senador Senadora Diputado Diputada Alcalde Alcaldesa Gobernador Gobernadora
Embajador Embajadora Secretario Secretaria Señor Señora Don Doña Sr Sra
Lunes Martes Miércoles Jueves Viernes Sábado Domingo Enero Febrero Marzo Abril Mayo Junio
Julio Agosto Septiembre Setiembre Octubre Noviembre Diciembre Foto Fuente Lee Leer Ver Más
Se Le Les Me Te Nos Hay Es Son Fue Era
""".split()

# City or region names that are common words or people's names: never a place by themselves.
NOT_PLACES = """
Paz Independencia Providencia Libertad Victoria Esperanza Concordia Unión Progreso Paraíso
Dolores Mercedes Trinidad Rosario Pilar Soledad Consuelo Asunción Guadalupe
Lourdes Montserrat Carmen Colón Bolívar Sucre Morazán Guerrero Hidalgo Morelos Juárez
Zapata Allende Morales Castro Mejía Aguilar Salinas Lagos Torres Cruz Reyes Ramos
Rojas Vargas Medina Ortega Romero Nuñez Núñez Molina Campos Herrera Pinto Fuentes Soto
Rivera Palmas Palmira Marina Alameda Central Capital Centro Norte Sur Oriente Occidente
Magdalena Constitución Lista Atlántico Pacífico Cordillera Sierra Selva Costa Frontera
Puerto Santa Santo San
Nacional Internacional Estado República Municipal Regional Metro Vallejo Nancy
Loreto Vista Valle Vas Bono Mesa
Maldonado Miranda Lara Falcón
""".split()

# Words just before a name that make it a street, a station or a square, not the place itself
# ("calle Florida", "avenida Brasil", "metro Los Héroes").
NOT_PLACE_BEFORE = """
calle calles avenida Avenida Calle av. Av. pasaje Pasaje metro Metro estación Estación plaza
plazas esquina esquinas cerro intersección
""".split()

# Titles a demonym may stand before ("el Presidente Salvadoreño Nayib Bukele"): a demonym
# before other capitalised words opens an organisation's name instead.
TITLES = """
Presidente Presidenta Ministro Ministra Canciller Embajador Embajadora Secretario Secretaria
General Senador Senadora Gobernador Gobernadora Alcalde Alcaldesa Juez Jueza Fiscal
""".split()

# Words that introduce a place: a small town is taken for one only after them ("en Renca").
PLACE_PREPOSITIONS = """
en de del desde a al hacia hasta cerca entre por para y e o u sobre comuna ciudad
""".split()
