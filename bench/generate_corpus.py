"""Write a corpus of generated news articles (about 4 KB each) for the import benchmark.

The articles are made to exercise every step of extraction the way real pages do: a title, a
date line in one of several formats (or front matter, or nothing), paragraphs mixing our actors,
countries and demonyms with event triggers and date expressions, phrases that fool a naive date
search ("about 90% of", "a five-year term", "We may…") and web-page boilerplate. About a quarter
are in Spanish. The same seed always writes the same files, and article i does not depend on how
many are written, so a smaller corpus is a prefix of a larger one.

    .venv/bin/python -m bench.generate_corpus /tmp/corpus --articles 3000 --seed 1
"""

import argparse
import datetime
import random
from pathlib import Path

TARGET_BYTES = (3600, 4400)
SPANISH_SHARE = 0.25
FIRST_DAY = datetime.date(2022, 1, 1)
LAST_DAY = datetime.date(2025, 6, 30)

# Each person by the names articles use for them.
ACTORS = {
    "en": [
        ("Nayib Bukele", "President Bukele", "the Salvadoran president"),
        ("Marco Rubio", "Secretary of State Marco Rubio", "Rubio"),
        ("Patricia Bullrich", "Minister Bullrich"),
        ("Donald Trump", "President Trump"),
        ("Javier Milei", "President Milei"),
        ("Gustavo Villatoro", "Minister Villatoro"),
    ],
    "es": [
        ("Nayib Bukele", "el presidente salvadoreño"),
        ("Marco Rubio", "el secretario de Estado Marco Rubio"),
        ("Patricia Bullrich", "la ministra Bullrich"),
        ("Donald Trump", "el presidente Trump"),
        ("Javier Milei", "el presidente Milei"),
        ("Gustavo Villatoro",),
    ],
}
COUNTRIES = {
    "en": ["El Salvador", "the United States", "Costa Rica", "Argentina", "Guatemala", "Honduras"],
    "es": ["El Salvador", "Estados Unidos", "Costa Rica", "Argentina", "Guatemala", "Honduras"],
}
DEMONYMS = {
    "en": ["Salvadoran", "American", "Costa Rican", "Argentine", "Guatemalan", "Honduran"],
    "es": ["salvadoreño", "estadounidense", "costarricense", "argentino", "hondureño"],
}
CITIES = {
    "en": ["San Salvador", "Washington", "San José", "Buenos Aires", "the White House"],
    "es": ["San Salvador", "Washington", "San José", "Buenos Aires", "la Casa Blanca"],
}
OUTLETS = [
    "Diario Centro",
    "The Regional Post",
    "La Prensa Libre",
    "Hemisphere Wire",
    "El Faro Sur",
]
AUTHORS = ["Ana López", "John Carter", "María Fernández", "David Stein", "Lucía Romero"]

# Sentences that tell of an event: an actor or a country, a trigger and a date expression.
EVENTS = {
    "en": [
        "{actor} visited {country} {when}, the first official trip of its kind in years.",
        "{actor} met {actor2} in {city} {when} to discuss security cooperation.",
        "{When}, {actor} and {actor2} signed an agreement to share intelligence on gangs.",
        "{When}, the {demonym} government transferred 120 prisoners to a maximum-security jail.",
        "{actor} declared a state of emergency {when} after a weekend of gang violence.",
        "{actor} announced {when} that {demonym} police would patrol the border with {country}.",
        "{country} signed an agreement with {country2} {when} on the deportation of gang members.",
        "{actor} praised the {demonym} security model during a visit to {city} {when}.",
    ],
    "es": [
        "{actor} visitó {country} {when}, en la primera gira oficial de ese tipo en años.",
        "{actor} se reunió con {actor2} en {city} {when} para hablar de seguridad.",
        "{When}, {actor} y {actor2} firmaron un acuerdo para compartir inteligencia.",
        "{When}, el gobierno {demonym} trasladó a 120 reos a una cárcel de máxima seguridad.",
        "{actor} anunció {when} un nuevo régimen de excepción tras una ola de violencia.",
        "{country} firmó un convenio con {country2} {when} sobre la deportación de pandilleros.",
        "{actor} elogió el modelo de seguridad {demonym} durante su visita a {city} {when}.",
    ],
}
WHEN = {
    "en": [
        "on Monday",
        "on Thursday",
        "in March 2022",
        "in October 2023",
        "on June 1",
        "on 12 March 2024",
        "in 2022",
        "last month",
        "on February 5, 2025",
        "yesterday",
    ],
    "es": [
        "el lunes",
        "el pasado jueves",
        "en marzo de 2022",
        "el 1 de junio",
        "el 12 de marzo de 2024",
        "en 2022",
        "ayer",
        "el mes pasado",
    ],
}
# Sentences with no event in them, for the bulk of a paragraph.
CONTEXT = {
    "en": [
        "Critics say the measures have eroded civil liberties in {country}.",
        "Officials in {city} did not respond to a request for comment.",
        "Human rights groups have documented hundreds of deaths in custody.",
        "The government says the policy has made the streets safer than at any time in decades.",
        "Analysts expect the debate to continue well into the next legislative session.",
        "Opposition lawmakers called for an independent review of the programme.",
        "Business leaders said investment had followed the improvement in security.",
        "{demonym} officials described the relationship as a strategic partnership.",
        "Families of detainees gathered outside the prison, asking for news of relatives.",
        "The ministry published new figures on homicides and extortion.",
        "{actor} has long argued that order must come before everything else.",
        "Supporters of {actor} point to the fall in homicides as proof that the approach works.",
        "Lawyers for several detainees say their clients have not seen a judge.",
        "The {demonym} press has followed the negotiations closely, often with scepticism.",
        "Diplomats in {city} say the talks were cordial but short on detail.",
    ],
    "es": [
        "Los críticos afirman que las medidas han debilitado las libertades civiles en {country}.",
        "Las autoridades de {city} no respondieron a una solicitud de comentarios.",
        "Organizaciones de derechos humanos han documentado cientos de muertes bajo custodia.",
        "El gobierno asegura que la política ha hecho las calles más seguras que nunca.",
        "Los analistas prevén que el debate continúe durante la próxima legislatura.",
        "Diputados de la oposición pidieron una revisión independiente del programa.",
        "Los empresarios dijeron que la inversión llegó tras la mejora de la seguridad.",
        "Familiares de los detenidos se reunieron frente al penal para pedir noticias.",
        "{actor} ha sostenido durante años que el orden debe ir antes que todo lo demás.",
        "Los abogados de varios detenidos dicen que sus clientes no han visto a un juez.",
        "La prensa sigue de cerca las negociaciones, a menudo con escepticismo.",
        "Diplomáticos en {city} dicen que las conversaciones fueron cordiales pero vagas.",
    ],
}
# Phrases a plain date search reads as dates; none of them is one. Shared with the baseline.
DISTRACTORS = {
    "en": [
        "About 90% of {demonym} voters approve of the government, according to a recent poll.",
        "{actor} is serving a five-year term that ends in a little over two years.",
        "We may never know how many people were detained under the measures.",
        "The programme costs about $200 million a year, or 3 percent of the budget.",
        "Nearly 40,000 inmates now work in prison workshops, officials say.",
        "Police may detain suspects for up to 15 days before a hearing.",
        "The prison holds 40,000 people in 8 buildings over 23 hectares.",
        "A decade ago the country had one of the world's highest murder rates.",
    ],
    "es": [
        "Cerca del 90 % de los votantes aprueba la gestión del gobierno, según una encuesta.",
        "{actor} cumple un mandato de cinco años que termina en poco más de dos.",
        "Puede que nunca sepamos cuántas personas fueron detenidas bajo el régimen.",
        "El programa cuesta unos 200 millones de dólares al año.",
        "Casi 40.000 reos trabajan ahora en talleres penitenciarios.",
        "La policía puede detener a sospechosos hasta 15 días antes de una audiencia.",
    ],
}
BOILERPLATE = {
    "en": [
        "Subscribe to our weekly news digest.",
        "Advertisement",
        "Share this article",
        "Related post",
    ],
    "es": [
        "Suscríbete a nuestro boletín semanal.",
        "Publicidad",
        "Compartir",
        "Noticias relacionadas",
    ],
}
TRAILERS = {
    "en": ["Related post", "Subscribe to our weekly news digest.", "Leave a comment", "Home"],
    "es": ["Noticias relacionadas", "Suscríbete a nuestro boletín semanal.", "Deja un comentario"],
}
TITLES = {
    "en": [
        "{actor} and {actor2} discuss security in {city}",
        "{country} and {country2} deepen cooperation on gangs",
        "What the {demonym} crackdown means for the region",
        "{actor} defends prison policy as critics raise concerns",
    ],
    "es": [
        "{actor} y {actor2} hablan de seguridad en {city}",
        "{country} y {country2} refuerzan la cooperación contra las pandillas",
        "Lo que significa la ofensiva del gobierno {demonym} para la región",
    ],
}
MONTHS_ES = (
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
).split()


def generate_corpus(folder: Path, *, articles: int, seed: int = 1) -> list[Path]:
    """Write `articles` files into folder (created if needed); returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(articles):
        path = folder / f"{index:05d}.txt"
        path.write_text(generate_article(random.Random(f"{seed}:{index}")), encoding="utf-8")
        paths.append(path)
    return paths


def generate_article(rng: random.Random) -> str:
    language = "es" if rng.random() < SPANISH_SHARE else "en"
    published = FIRST_DAY + datetime.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days))
    lines = _header(rng, language, published)
    target = rng.randint(*TARGET_BYTES)
    size = sum(len(line.encode()) + 1 for line in lines)
    while size < target:
        paragraph = _paragraph(rng, language)
        lines += [paragraph, ""]
        size += len(paragraph.encode()) + 2
        if rng.random() < 0.15:
            lines += [rng.choice(BOILERPLATE[language]), ""]
    lines += rng.sample(TRAILERS[language], k=rng.randint(0, 3))
    return "\n".join(lines).rstrip() + "\n"


def _header(rng: random.Random, language: str, published: datetime.date) -> list[str]:
    title = fill_template(rng, language, rng.choice(TITLES[language]))
    style = rng.choice(["front matter", "date line", "posted on", "iso", "none"])
    if style == "front matter":
        return [
            "---",
            f"published: {published.isoformat()}",
            f"source: {rng.choice(OUTLETS)}",
            "---",
            title,
            "",
        ]
    lines = [title, ""]
    if style == "date line" and language == "es":
        lines.append(f"{published.day} de {MONTHS_ES[published.month - 1]} de {published.year}")
    elif style == "date line":
        lines.append(f"{published:%B} {published.day}, {published.year}")
    elif style == "posted on":
        prefix, at = ("Publicado el", "a las") if language == "es" else ("Posted on", "at")
        time = f"{rng.randint(6, 22)}:{rng.choice('0134')}0"
        lines.append(f"{prefix} {published:%d/%m/%Y} {at} {time}")
    elif style == "iso":
        lines.append(f"{published.isoformat()}T{rng.randint(6, 22):02d}:15:00")
    if rng.random() < 0.4:
        lines.append(f"{'Por' if language == 'es' else 'By'} {rng.choice(AUTHORS)}")
    return [*lines, ""]


def _paragraph(rng: random.Random, language: str) -> str:
    sentences = []
    for _ in range(rng.randint(3, 5)):
        kind = rng.choices([CONTEXT, DISTRACTORS, EVENTS], weights=[7, 2, 2])[0]
        sentences.append(fill_template(rng, language, rng.choice(kind[language])))
    rng.shuffle(sentences)
    return " ".join(sentences)


def fill_template(rng: random.Random, language: str, template: str) -> str:
    actor, actor2 = (rng.choice(names) for names in rng.sample(ACTORS[language], k=2))
    country, country2 = rng.sample(COUNTRIES[language], k=2)
    when = rng.choice(WHEN[language])
    text = template.format(
        actor=actor,
        actor2=actor2,
        country=country,
        country2=country2,
        demonym=rng.choice(DEMONYMS[language]),
        city=rng.choice(CITIES[language]),
        when=when,
        When=when[0].upper() + when[1:],
    )
    return text[0].upper() + text[1:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    paths = generate_corpus(options.folder, articles=options.articles, seed=options.seed)
    print(f"{len(paths)} articles in {options.folder}")


if __name__ == "__main__":
    main()
