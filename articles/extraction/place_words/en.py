"""English place words. Demonyms in the singular: "Salvadoran" → "Salvadorans" by rule."""

DEMONYMS = {
    "AF": ["Afghan"], "AL": ["Albanian"], "DZ": ["Algerian"], "AO": ["Angolan"],
    "AR": ["Argentine", "Argentinian"], "AM": ["Armenian"], "AU": ["Australian"],
    "AT": ["Austrian"], "AZ": ["Azerbaijani"], "BS": ["Bahamian"], "BH": ["Bahraini"],
    "BD": ["Bangladeshi"], "BB": ["Barbadian"], "BY": ["Belarusian"], "BE": ["Belgian"],
    "BZ": ["Belizean"], "BJ": ["Beninese"], "BT": ["Bhutanese"], "BO": ["Bolivian"],
    "BA": ["Bosnian"], "BW": ["Botswanan"], "BR": ["Brazilian"], "BN": ["Bruneian"],
    "BG": ["Bulgarian"], "BF": ["Burkinabe"], "BI": ["Burundian"], "KH": ["Cambodian"],
    "CM": ["Cameroonian"], "CA": ["Canadian"], "CV": ["Cape Verdean"], "TD": ["Chadian"],
    "CL": ["Chilean"], "CN": ["Chinese"], "CO": ["Colombian"], "CR": ["Costa Rican"],
    "HR": ["Croatian"], "CU": ["Cuban"], "CY": ["Cypriot"], "CZ": ["Czech"], "DK": ["Danish"],
    "DJ": ["Djiboutian"], "DO": ["Dominican"], "EC": ["Ecuadorian", "Ecuadorean"],
    "EG": ["Egyptian"], "SV": ["Salvadoran", "Salvadorian"], "ER": ["Eritrean"],
    "EE": ["Estonian"], "ET": ["Ethiopian"], "FJ": ["Fijian"], "FI": ["Finnish"],
    "FR": ["French"], "GA": ["Gabonese"], "GM": ["Gambian"], "GE": ["Georgian"],
    "DE": ["German"], "GH": ["Ghanaian"], "GR": ["Greek"], "GT": ["Guatemalan"],
    "GN": ["Guinean"], "GY": ["Guyanese"], "HT": ["Haitian"], "HN": ["Honduran"],
    "HU": ["Hungarian"], "IS": ["Icelandic"], "IN": ["Indian"], "ID": ["Indonesian"],
    "IR": ["Iranian"], "IQ": ["Iraqi"], "IE": ["Irish"], "IL": ["Israeli"], "IT": ["Italian"],
    "JM": ["Jamaican"], "JP": ["Japanese"], "JO": ["Jordanian"], "KZ": ["Kazakh"],
    "KE": ["Kenyan"], "KW": ["Kuwaiti"], "KG": ["Kyrgyz"], "LA": ["Laotian"], "LV": ["Latvian"],
    "LB": ["Lebanese"], "LR": ["Liberian"], "LY": ["Libyan"], "LT": ["Lithuanian"],
    "LU": ["Luxembourgish"], "MG": ["Malagasy"], "MW": ["Malawian"], "MY": ["Malaysian"],
    "MV": ["Maldivian"], "ML": ["Malian"], "MT": ["Maltese"], "MR": ["Mauritanian"],
    "MU": ["Mauritian"], "MX": ["Mexican"], "MD": ["Moldovan"], "MN": ["Mongolian"],
    "ME": ["Montenegrin"], "MA": ["Moroccan"], "MZ": ["Mozambican"], "MM": ["Burmese"],
    "NA": ["Namibian"], "NP": ["Nepali", "Nepalese"], "NL": ["Dutch"], "NZ": ["New Zealander"],
    "NI": ["Nicaraguan"], "NE": ["Nigerien"], "NG": ["Nigerian"], "KP": ["North Korean"],
    "MK": ["Macedonian"], "NO": ["Norwegian"], "OM": ["Omani"], "PK": ["Pakistani"],
    "PS": ["Palestinian"], "PA": ["Panamanian"], "PG": ["Papua New Guinean"],
    "PY": ["Paraguayan"], "PE": ["Peruvian"], "PH": ["Filipino", "Philippine"],
    "PL": ["Polish"], "PT": ["Portuguese"], "PR": ["Puerto Rican"], "QA": ["Qatari"],
    "RO": ["Romanian"], "RU": ["Russian"], "RW": ["Rwandan"], "SA": ["Saudi"],
    "SN": ["Senegalese"], "RS": ["Serbian"], "SL": ["Sierra Leonean"], "SG": ["Singaporean"],
    "SK": ["Slovak"], "SI": ["Slovenian"], "SO": ["Somali"], "ZA": ["South African"],
    "KR": ["South Korean"], "SS": ["South Sudanese"], "ES": ["Spanish"], "LK": ["Sri Lankan"],
    "SD": ["Sudanese"], "SR": ["Surinamese"], "SE": ["Swedish"], "CH": ["Swiss"],
    "SY": ["Syrian"], "TW": ["Taiwanese"], "TJ": ["Tajik"], "TZ": ["Tanzanian"], "TH": ["Thai"],
    "TG": ["Togolese"], "TT": ["Trinidadian"], "TN": ["Tunisian"], "TR": ["Turkish"],
    "TM": ["Turkmen"], "UG": ["Ugandan"], "UA": ["Ukrainian"], "AE": ["Emirati"],
    "GB": ["British"], "US": ["American"], "UY": ["Uruguayan"], "UZ": ["Uzbek"],
    "VE": ["Venezuelan"], "VN": ["Vietnamese"], "YE": ["Yemeni"], "ZM": ["Zambian"],
    "ZW": ["Zimbabwean"],
}  # fmt: skip

# People of a country, not adjectives: they take no plural of their own.
NOUNS_ONLY = {"Briton": "GB", "Britons": "GB", "Brit": "GB", "Brits": "GB", "Kiwis": "NZ"}

SHORT_FORMS = {
    "US": ["U.S.", "US", "USA", "U.S.A.", "America", "United States of America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "RU": ["Russia"], "KR": ["South Korea"], "KP": ["North Korea"], "CZ": ["Czech Republic"],
    "CD": ["DR Congo", "Democratic Republic of Congo", "Democratic Republic of the Congo"],
    "CI": ["Ivory Coast"], "NL": ["Holland"], "VA": ["Vatican", "Vatican City"],
    "PS": ["Palestine", "Gaza", "West Bank"], "MK": ["Macedonia"], "MM": ["Burma"],
    "CV": ["Cape Verde"], "TL": ["East Timor"], "TR": ["Turkey"], "LA": ["Laos"],
    "TZ": ["Tanzania"], "MD": ["Moldova"], "BN": ["Brunei"], "SZ": ["Swaziland"],
    "AE": ["UAE", "Emirates"], "BA": ["Bosnia"], "DO": ["Dominican Republic"],
}  # fmt: skip

# Capitalised words that open sentences or stand before names (titles) and are no name by
# themselves: a place next to one is still a place ("President of Chile", "In Chile").
FUNCTION_WORDS = """
A An The This That These Those In On At By For From Of To With Without Into Over Under After
Before During Since Until As And But Or Nor If When While Where Why How What Which Who Whom
It Its He She They We You I His Her Their Our My Your Mr Mrs Ms Dr Sir Prime Minister
President Secretary Chancellor Foreign Deputy Mayor Governor Ambassador Both All Some Many
Most Each Every Not No Yes Also However Meanwhile Then There Here Now Today Yesterday Tomorrow
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
July August September October November December Photo Source Read More See Watch Listen
""".split()

# City or region names that are common words or people's names: never a place by themselves.
NOT_PLACES = """
Mission Reading Bath Nice Mobile Independence Liberty Victoria Florence Charlotte Elizabeth
Regina Marshall Jackson Lincoln Hamilton Wellington Nelson Churchill Normal Orange Delta
Mercury Eagle Hope Unity Concord Justice Progress Victory Aurora Richmond Springfield Franklin
Clinton Madison Warren Columbus Cleveland Lafayette Douglas Lawrence
Troy Salem
Austin Tyler Jefferson Monroe Sherman
Labour Conservative Tory Green Union Congress Parliament
Commons Lords House University College Dome Metro Nancy Jupiter Nokia Chelsea
Aston Bono Sale Columbia Midlands Male Paramount Westminster
North South East West Central Northern Southern Eastern
Western Centre
""".split()

# Words just before a name that make it something else than the place.
NOT_PLACE_BEFORE = """
street avenue station
""".split()

# Titles a demonym may stand before ("Salvadoran President Nayib Bukele", "Argentine Security
# Minister"): a demonym before other capitalised words opens an organisation's name instead.
TITLES = """
President Vice Minister Secretary Prime Premier Chancellor Ambassador Envoy Leader King Queen
Prince Princess General Colonel Senator Governor Mayor Judge Attorney Officials Official
Authorities Troops Forces Soldiers Police Diplomats
""".split()

# Words that introduce a place: a small town is taken for one only after them ("in Aston").
PLACE_PREPOSITIONS = """
in at from to near outside around across of into via towards toward between and or
""".split()
