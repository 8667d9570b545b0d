from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from articles.models import Article


@require_GET
def article_list(request: HttpRequest) -> TemplateResponse:
    articles = Article.objects.all()
    return TemplateResponse(request, "articles/article_list.html", {"articles": articles})


@require_GET
def article_detail(request: HttpRequest, slug: str) -> TemplateResponse:
    article = get_object_or_404(Article, slug=slug)
    return TemplateResponse(request, "articles/article_detail.html", {"article": article})
