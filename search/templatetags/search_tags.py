"""`{{ event.title|highlight:q }}`: the words a search matched, in `<mark>`, the rest escaped."""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from search.terms import fold_for_matching, highlight_pattern, search_terms

register = template.Library()


@register.filter
def highlight(text: str, query: str) -> SafeString:
    """Escape each piece separately so a match can never split or inject markup."""
    text = str(text)
    pattern = highlight_pattern(search_terms(query or ""))
    if pattern is None:
        return conditional_escape(text)
    pieces, position = [], 0
    for match in pattern.finditer(fold_for_matching(text)):
        pieces.append(conditional_escape(text[position : match.start()]))
        pieces.append(f"<mark>{conditional_escape(text[match.start() : match.end()])}</mark>")
        position = match.end()
    pieces.append(conditional_escape(text[position:]))
    return mark_safe("".join(pieces))
