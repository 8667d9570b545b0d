"""Form fields and forms of the editors' desk that are not about articles."""

from django import forms

from timeline.models import Actor, Country, Excerpt


class LinesField(forms.Field):
    """A list of names edited as one name per line: easier to type than a JSON list."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(str(item) for item in value)
        return value

    def to_python(self, value) -> list[str]:
        lines = value if isinstance(value, list) else (value or "").splitlines()
        names = []
        for line in lines:
            name = " ".join(str(line).split())
            if name and name not in names:
                names.append(name)
        return names


class ActorForm(forms.ModelForm):
    aliases = LinesField(
        required=False,
        help_text="One per line, e.g. “Bukele”, “the Salvadoran president”. "
        "After adding one, run “Re-scan articles for new mentions” on the actor list.",
    )

    class Meta:
        model = Actor
        fields = ["name", "slug", "role", "country", "aliases"]


class CountryForm(forms.ModelForm):
    aliases = LinesField(required=False, help_text="One per line, e.g. “U.S.”, “EE.UU.”.")
    demonyms = LinesField(required=False, help_text="One per line, e.g. “Salvadoran”.")

    class Meta:
        model = Country
        fields = ["name", "code", "slug", "aliases", "demonyms"]


class ExcerptForm(forms.ModelForm):
    """An excerpt must be the article's own words: its offsets are found or checked here."""

    class Meta:
        model = Excerpt
        fields = ["article", "event", "quote", "start", "end"]
        help_texts = {
            "start": "Leave start and end empty to find the quote in the article's text.",
        }

    def clean(self):
        cleaned = super().clean()
        article, quote = cleaned.get("article"), cleaned.get("quote")
        if article is None or not quote:
            return cleaned
        start, end = cleaned.get("start"), cleaned.get("end")
        if start is None and end is None:
            found = article.body.find(quote)
            if found < 0:
                raise forms.ValidationError(
                    {"quote": "These words are not in the article's text; copy them exactly."}
                )
            cleaned["start"], cleaned["end"] = found, found + len(quote)
        elif start is None or end is None or article.body[start:end] != quote:
            raise forms.ValidationError(
                {
                    "start": "The article's text between start and end is not the quote. "
                    "Leave start and end empty to find the quote in the text."
                }
            )
        return cleaned
