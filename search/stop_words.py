"""Words too common to search for, per language: they are in nearly every article, so a search
for them would match (and rank) the whole archive and tell the reader nothing.

Only function words (articles, prepositions, conjunctions, pronouns, auxiliaries); never a word
that can name something on the timeline ("us" is the United States as often as a pronoun,
"no" a vote, "sin" a place name in some headlines), so those stay searchable.
"""

ENGLISH = frozenset(
    """a an and are as at be been but by for from had has have he her his i in is it its of on
    or she that the their them they this to was were which who will with""".split()
)

SPANISH = frozenset(
    """a al como con de del el en entre es esta este fue ha la las lo los o para pero por que
    se ser son su sus un una y""".split()
)

STOP_WORDS = ENGLISH | SPANISH
