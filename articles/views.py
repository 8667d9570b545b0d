"""Articles as read: a list, and each text with its excerpts highlighted beside their events."""

from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from articles.models import Article
from timeline.excerpt_highlighting import highlighted_paragraphs, placed_excerpts
from timeline.filters import clean_search_text
from timeline.models import Event, Excerpt

ARTICLES_PER_PAGE = 50


@require_safe
def article_list(request: HttpRequest) -> TemplateResponse:
    q = clean_search_text(request.GET.get("q", ""))
    # A subquery, not a join and GROUP BY: the count query leaves it out, and the rows a search
    # matches are not multiplied by their excerpts before being ranked and sorted.
    visible_events = (
        Excerpt.objects.filter(article=OuterRef("pk"))
        .exclude(event__status=Event.Status.REJECTED)
        .order_by()
        .values("article")
        .annotate(n=Count("event", distinct=True))
        .values("n")
    )
    articles = (
        Article.objects.search(q)
        .defer("body", "raw_text")
        .annotate(event_count=Coalesce(Subquery(visible_events), 0))
    )
    best_first = ("-search_rank",) if q else ()
    articles = articles.order_by(*best_first, "-published", "title", "pk")
    page = Paginator(articles, ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(request, "articles/article_list.html", {"page_obj": page, "q": q})


@require_safe
def article_detail(request: HttpRequest, slug: str) -> TemplateResponse:
    """The excerpts of rejected events are neither highlighted nor listed."""
    visible_excerpts = (
        Excerpt.objects.exclude(event__status=Event.Status.REJECTED)
        .select_related("event")
        # The events' titles are shown in the reader's language, checked against these.
        .prefetch_related("event__actors", "event__countries")
        .order_by("start", "id")
    )
    article = get_object_or_404(
        Article.objects.prefetch_related(
            Prefetch("excerpts", queryset=visible_excerpts, to_attr="visible_excerpts")
        ),
        slug=slug,
    )
    placed, stale = placed_excerpts(article.body, article.visible_excerpts)
    context = {
        "article": article,
        "paragraphs": highlighted_paragraphs(article.body, placed),
        "stale_excerpts": stale,
        "event_count": len({excerpt.event_id for excerpt in article.visible_excerpts}),
    }
    return TemplateResponse(request, "articles/article_detail.html", context)
