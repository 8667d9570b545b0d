"""How well a page's article is read: the 30 development articles dressed in three page styles
(`bench/web_pages.py`), read back with `ingest.pages.extract_article`, and compared with the
article's own text: characters of boilerplate kept, characters of article lost, and whether the
title, date and language came back. Run: .venv/bin/python -m bench.ingest_quality
"""

import difflib
import os
import sys
from collections import defaultdict

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings_test")
django.setup()

from bench.web_pages import CORPORA, STYLES, read_article  # noqa: E402
from ingest.errors import NotAnArticle  # noqa: E402
from ingest.pages import extract_article  # noqa: E402

CSON = """2019-12-27_la-tercera_0149 2020-01-08_emol_0169 2020-06-01_emol_0319
2021-01-24_la-cuarta_0461 2021-10-14_gamba_0613 2021-10-31_la-tercera_0650
2022-04-01_gamba_0724 2022-05-23_ex-ante_0742 2022-06-05_the-clinic_0754
2022-09-01_gamba_0801 2022-09-22_el-mostrador_0816 2022-10-18_emol_0851
2022-10-26_ciper_0869 2022-12-05_la-tercera_0895 2023-02-08_la-cuarta_0922
2023-04-12_cnn-espanol_0958 2023-09-13_la-tercera_1075 2023-10-18_emol_1112
2023-11-20_ex-ante_1135 2023-12-10_el-pais_1141""".split()
BBC = "002 006 042 051 057 124 149 232 319 356".split()


def development_files():
    for name in CSON:
        yield CORPORA / "cson-chile-2019-2023" / f"{name}.txt"
    for name in BBC:
        yield CORPORA / "bbc-news-2005" / "bbc" / "politics" / f"{name}.txt"


def compare(original: list[str], extracted: list[str]) -> tuple[int, int, int]:
    """(characters of the article, of it lost, of boilerplate kept), word by word."""
    ours, theirs = " ".join(original).split(), " ".join(extracted).split()
    matcher = difflib.SequenceMatcher(None, ours, theirs, autojunk=False)
    matched_ours, matched_theirs = set(), set()
    for block in matcher.get_matching_blocks():
        matched_ours.update(range(block.a, block.a + block.size))
        matched_theirs.update(range(block.b, block.b + block.size))
    total = sum(len(word) + 1 for word in ours)
    lost = sum(len(word) + 1 for i, word in enumerate(ours) if i not in matched_ours)
    kept = sum(len(word) + 1 for i, word in enumerate(theirs) if i not in matched_theirs)
    return total, lost, kept


def main() -> int:
    files = [path for path in development_files() if path.exists()]
    if not files:
        print("The corpora are not here; nothing to measure.")
        return 1
    totals = defaultdict(lambda: defaultdict(int))
    for path in files:
        article = read_article(path)
        for style, render in STYLES.items():
            row = totals[style]
            row["pages"] += 1
            try:
                read = extract_article(render(article), url=f"https://example.org/{path.stem}")
            except NotAnArticle as error:
                row["refused"] += 1
                print(f"refused {style} {path.name}: {error}")
                continue
            total, lost, kept = compare(article.paragraphs, read.paragraphs)
            row["chars"] += total
            row["lost"] += lost
            row["kept"] += kept
            row["title"] += read.title == article.title
            row["date"] += str(read.published)[:10] == article.published
            row["language"] += read.language == article.language
            if lost > 0.05 * total or kept > 0.05 * total:
                print(f"{style} {path.name}: lost {lost} kept {kept} of {total}")
    print(
        "| style | pages | refused | article chars | lost | boilerplate kept | title | date |",
        end="",
    )
    print(" language |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for style, row in totals.items():
        read = row["pages"] - row["refused"]
        print(
            f"| {style} | {row['pages']} | {row['refused']} | {row['chars']:,} | "
            f"{row['lost']:,} ({row['lost'] / max(row['chars'], 1):.1%}) | "
            f"{row['kept']:,} ({row['kept'] / max(row['chars'], 1):.1%}) | "
            f"{row['title']}/{read} | {row['date']}/{read} | {row['language']}/{read} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
