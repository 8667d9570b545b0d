"""What discovery finds: mentions of people and organisations and the entities they name."""

from dataclasses import dataclass, field

from django.utils.text import slugify

from articles.extraction.places_lookup import fold

PERSON = "PER"
ORGANISATION = "ORG"
MAX_PERSON_WORDS = 5
MAX_ACRONYM = 5
HONORIFIC_ONLY = "~"  # "Mr Howard", "don Pedro": a person for sure, but no role to keep


@dataclass(frozen=True, slots=True)
class EntityMention:
    label: str  # PER or ORG
    key: str  # the entity's slug (a known actor's, or the discovered name's)
    start: int
    end: int
    text: str
    nominal: bool = False  # "el mandatario guatemalteco": a reference, not a name


@dataclass
class DiscoveredEntity:
    key: str
    name: str
    label: str
    aliases: set[str] = field(default_factory=set)
    role: str = ""
    country: str | None = None
    mentions: int = 0
    cue: bool = False  # a title, a role, an apposition or an organisation's head word
    known: bool = False  # one of the gazetteer's actors
    guessed: bool = False  # an acronym nobody defined ("CECOT"): scored, never an actor
    repeats_qualify: int | None = 3  # the language's FULL_NAME_REPEATS

    @property
    def qualifies(self) -> bool:
        """Worth an actor row: known, cued, or named more than once in the article."""
        if self.guessed:
            return False
        if self.known or self.cue:
            return True
        if self.label == ORGANISATION:
            return self.mentions >= 2
        # Without a cue, a person is named again by a shorter form ("Arévalo") or thrice: a
        # band or a product named twice in full ("Black Sabbath") is not taken for one.
        if self.mentions >= 2 and self.aliases:
            return True
        return self.repeats_qualify is not None and self.mentions >= self.repeats_qualify


def _entity_for(entities, label: str, name: str) -> DiscoveredEntity:
    key = slugify(name) or fold(name)
    entity = entities.get(key)
    if entity is None:
        entity = entities[key] = DiscoveredEntity(key=key, name=name, label=label)
    elif len(name) > len(entity.name):
        entity.name = name
    return entity
