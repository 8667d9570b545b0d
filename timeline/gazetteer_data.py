"""The countries and actors of the beat, loaded by a data migration; editors add more later.

Kept as plain data (no model imports) so that the migration stays valid as the models change.
"""

COUNTRIES = [
    {
        "code": "SV",
        "name": "El Salvador",
        "aliases": ["San Salvador", "Republic of El Salvador", "República de El Salvador"],
        "demonyms": ["Salvadoran", "Salvadorans", "Salvadorian", "salvadoreño", "salvadoreña",
                     "salvadoreños", "salvadoreñas"],
    },
    {
        "code": "US",
        "name": "United States",
        "aliases": ["U.S.", "US", "USA", "U.S.A.", "United States of America", "America",
                    "Washington", "White House", "the White House", "Oval Office",
                    "Estados Unidos", "EE.UU.", "EEUU", "EE. UU.", "Casa Blanca",
                    "la Casa Blanca", "Washington D.C."],
        "demonyms": ["American", "Americans", "estadounidense", "estadounidenses",
                     "norteamericano", "norteamericana", "norteamericanos"],
    },
    {
        "code": "CR",
        "name": "Costa Rica",
        "aliases": ["San José"],
        "demonyms": ["Costa Rican", "Costa Ricans", "costarricense", "costarricenses",
                     "tico", "ticos"],
    },
    {
        "code": "AR",
        "name": "Argentina",
        "aliases": ["Buenos Aires", "Casa Rosada", "Argentine Republic"],
        "demonyms": ["Argentine", "Argentines", "Argentinian", "Argentinians", "argentino",
                     "argentina", "argentinos", "argentinas"],
    },
    {
        "code": "VE",
        "name": "Venezuela",
        "aliases": ["Caracas"],
        "demonyms": ["Venezuelan", "Venezuelans", "venezolano", "venezolana", "venezolanos",
                     "venezolanas"],
    },
    {
        "code": "GT",
        "name": "Guatemala",
        "aliases": ["Guatemala City"],
        "demonyms": ["Guatemalan", "Guatemalans", "guatemalteco", "guatemalteca",
                     "guatemaltecos"],
    },
    {
        "code": "HN",
        "name": "Honduras",
        "aliases": ["Tegucigalpa"],
        "demonyms": ["Honduran", "Hondurans", "hondureño", "hondureña", "hondureños"],
    },
    {
        "code": "MX",
        "name": "Mexico",
        "aliases": ["México", "Mexico City"],
        "demonyms": ["Mexican", "Mexicans", "mexicano", "mexicana", "mexicanos"],
    },
    {
        "code": "CO",
        "name": "Colombia",
        "aliases": ["Bogotá", "Bogota"],
        "demonyms": ["Colombian", "Colombians", "colombiano", "colombiana", "colombianos"],
    },
    {
        "code": "EC",
        "name": "Ecuador",
        "aliases": ["Quito"],
        "demonyms": ["Ecuadorian", "Ecuadorians", "ecuatoriano", "ecuatoriana",
                     "ecuatorianos"],
    },
    {
        "code": "NI",
        "name": "Nicaragua",
        "aliases": ["Managua"],
        "demonyms": ["Nicaraguan", "Nicaraguans", "nicaragüense", "nicaragüenses"],
    },
    {
        "code": "PA",
        "name": "Panama",
        "aliases": ["Panamá", "Panama City"],
        "demonyms": ["Panamanian", "Panamanians", "panameño", "panameña", "panameños"],
    },
]

ACTORS = [
    {
        "name": "Nayib Bukele",
        "slug": "nayib-bukele",
        "role": "President of El Salvador",
        "country": "SV",
        "aliases": ["Bukele", "Nayib Armando Bukele", "President Bukele",
                    "the Salvadoran president", "the Salvadoran leader",
                    "the Salvadoran head of state", "el presidente salvadoreño",
                    "el mandatario salvadoreño"],
    },
    {
        "name": "Marco Rubio",
        "slug": "marco-rubio",
        "role": "U.S. Secretary of State",
        "country": "US",
        "aliases": ["Rubio", "Secretary Rubio", "Secretary of State Marco Rubio",
                    "el secretario de Estado Marco Rubio"],
    },
    {
        "name": "Patricia Bullrich",
        "slug": "patricia-bullrich",
        "role": "Security Minister of Argentina",
        "country": "AR",
        "aliases": ["Bullrich", "Minister Bullrich", "la ministra Bullrich"],
    },
    {
        "name": "Donald Trump",
        "slug": "donald-trump",
        "role": "President of the United States",
        "country": "US",
        "aliases": ["Trump", "Donald J. Trump", "President Trump", "el presidente Trump"],
    },
    {
        "name": "Javier Milei",
        "slug": "javier-milei",
        "role": "President of Argentina",
        "country": "AR",
        "aliases": ["Milei", "President Milei", "el presidente Milei"],
    },
    {
        "name": "Gustavo Villatoro",
        "slug": "gustavo-villatoro",
        "role": "Minister of Justice and Public Security of El Salvador",
        "country": "SV",
        "aliases": ["Villatoro", "Minister Villatoro"],
    },
    {
        "name": "Nicolás Maduro",
        "slug": "nicolas-maduro",
        "role": "President of Venezuela",
        "country": "VE",
        "aliases": ["Maduro", "Nicolas Maduro"],
    },
    {
        "name": "Rodrigo Chaves",
        "slug": "rodrigo-chaves",
        "role": "President of Costa Rica",
        "country": "CR",
        "aliases": ["Chaves", "Rodrigo Chaves Robles", "President Chaves"],
    },
]
