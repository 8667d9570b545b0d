"""Language knowledge for place recognition, one module per language (`en`, `es`).

Each module holds plain tables, no code: the demonyms of each country in their base form (the
engine inflects them by rule), the short forms and everyday names that ISO 3166 lacks, the
capitalised words that are never a name by themselves (they open sentences), and the place
names that are also common words or people's names in that language (never a place alone).
"""

from articles.extraction.place_words import en, es

LANGUAGES = {"en": en, "es": es}
