"""Language knowledge for discovering people and organisations, one module per language.

Each table is plain data reviewed like code: the engine (`articles.extraction.entities`) knows
no word of any language. `SHARED` holds what both languages use (acronyms, international bodies).
"""

from articles.extraction.entity_tables import en, es

TABLES = {"en": en, "es": es}


def tables_for(language: str):
    return TABLES.get(language, en)
