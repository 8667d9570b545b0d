"""Near-duplicate articles: the same wire story republished by several outlets, found with
MinHash signatures (datasketch) over five-word shingles and banded for lookup.

With 128 permutations in 16 bands of 8, two texts whose shingle sets are 80 % alike share a
band with probability above 0.99, texts 40 % alike with probability under 0.02; candidates are
then compared on the whole signature. A copy is one whose estimated similarity reaches
`COPY_SIMILARITY` with an earlier article (imported before it); it points at that article's
original.
"""

import hashlib
import re

from django.db import transaction
from django.db.models import Q

from articles.models import Article
from ingest.models import ArticleSignature, SignatureBand

NUM_PERM = 128
BANDS, ROWS = 16, 8
SHINGLE_WORDS = 5
COPY_SIMILARITY = 0.8
WORD = re.compile(r"\w+")


def signature(text: str) -> list[int]:
    from datasketch import MinHash  # 1 s to import (numpy, scipy): only when signing

    words = WORD.findall(text.lower())
    shingles = {
        " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8")
        for i in range(max(len(words) - SHINGLE_WORDS + 1, 1))
    }
    minhash = MinHash(num_perm=NUM_PERM, seed=17)
    minhash.update_batch(list(shingles))
    return [int(value) for value in minhash.hashvalues]


def band_values(values: list[int]) -> list[tuple[int, int]]:
    bands = []
    for band in range(BANDS):
        chunk = ",".join(map(str, values[band * ROWS : (band + 1) * ROWS])).encode("ascii")
        digest = hashlib.blake2b(chunk, digest_size=8).digest()
        bands.append((band, int.from_bytes(digest, "big", signed=True)))
    return bands


def similarity(first: list[int], second: list[int]) -> float:
    return sum(a == b for a, b in zip(first, second, strict=True)) / NUM_PERM


def record_signature(article: Article) -> ArticleSignature:
    """Sign the article (again, after a change) and link it to the article it copies, if any."""
    values = signature(f"{article.title}\n{article.body}")
    bands = band_values(values)
    matching = Q()
    for band, value in bands:
        matching |= Q(bands__band=band, bands__value=value)
    candidates = (
        ArticleSignature.objects.filter(matching, article_id__lt=article.pk)  # earlier ones
        .distinct()
        .select_related("article")
    )
    best, best_score = None, 0.0
    for candidate in candidates:
        score = similarity(values, candidate.values)
        if score > best_score:
            best, best_score = candidate, score
    with transaction.atomic():
        record, _ = ArticleSignature.objects.update_or_create(
            article=article, defaults={"values": values, "original": None, "similarity": None}
        )
        if best is not None and best_score >= COPY_SIMILARITY:
            record.original_id = best.original_id or best.article_id
            record.similarity = best_score
            record.save(update_fields=["original", "similarity"])
        record.bands.all().delete()
        SignatureBand.objects.bulk_create(
            SignatureBand(signature=record, band=band, value=value) for band, value in bands
        )
    return record


def independent_sources(article_ids) -> int:
    """How many independent reports these articles are: syndicated copies count as their
    original (one query)."""
    article_ids = set(article_ids)
    originals = dict(
        ArticleSignature.objects.filter(
            article_id__in=article_ids, original__isnull=False
        ).values_list("article_id", "original_id")
    )
    return len({originals.get(article_id, article_id) for article_id in article_ids})
