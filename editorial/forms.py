"""Form fields and forms of the editors' desk that are not about articles."""

import hashlib
import json

from django import forms
from django.forms.models import model_to_dict
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from timeline.models import Actor, Country, Event, Excerpt


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


class EditConflictGuard(forms.ModelForm):
    """Refuse once to overwrite a change someone else saved since this page was opened.

    The editor's input stays in the form with the warning; saving again overwrites on purpose.
    A model with an `updated` time is compared on it; one without (actors, countries, excerpts)
    on a fingerprint of the stored values the form edits.
    """

    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)
    skip_conflict_check = False  # set by the admin when it restores an older version

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["loaded_version"].initial = self._stored_version(self.instance)

    def _stored_version(self, instance) -> str:
        if hasattr(instance, "updated"):
            return instance.updated.isoformat()
        names = [name for name in self._meta.fields if name in model_to_dict(instance)]
        values = model_to_dict(instance, fields=names)
        return hashlib.sha256(json.dumps(values, sort_keys=True, default=str).encode()).hexdigest()

    def clean(self):
        cleaned = super().clean()
        loaded = cleaned.get("loaded_version")
        if not self.instance.pk or not loaded or self.skip_conflict_check:
            return cleaned
        stored = type(self.instance)._base_manager.filter(pk=self.instance.pk).first()
        if stored is None:
            return cleaned
        current = self._stored_version(stored)
        if current != loaded:
            self.data = self.data.copy()
            self.data[self.add_prefix("loaded_version")] = current
            if hasattr(stored, "updated"):
                when = timezone.localtime(stored.updated).strftime("%H:%M:%S")
                message = gettext(
                    "Someone else saved this at %(when)s, after you opened the page. Your "
                    "changes are still below: open the page in another tab to compare, then "
                    "save again to keep yours."
                ) % {"when": when}
            else:
                message = gettext(
                    "Someone else saved this after you opened the page. Your changes are "
                    "still below: open the page in another tab to compare, then save again "
                    "to keep yours."
                )
            raise forms.ValidationError(message)
        return cleaned


class EventForm(EditConflictGuard):
    class Meta:
        model = Event
        fields = [
            "title",
            "status",
            "event_type",
            "date",
            "date_precision",
            "date_phrase",
            "actors",
            "countries",
            "dispute_note",
            "merge_confirmed",
        ]


class ActorForm(EditConflictGuard):
    aliases = LinesField(
        required=False,
        help_text=_(
            "One per line, e.g. “Bukele”, “the Salvadoran president”. "
            "After adding one, run “Re-scan articles for new mentions” on the actor list."
        ),
    )

    confirm_new_aliases = forms.BooleanField(
        required=False,
        label=_("Save the new aliases"),
        help_text=_("Tick after reading how many stored mentions they would match."),
    )

    class Meta:
        model = Actor
        fields = ["name", "slug", "role", "country", "aliases"]

    def clean(self):
        """New aliases are saved once the editor has seen what they would match (stored
        mentions and examples): the first save shows it, a ticked box confirms."""
        cleaned = super().clean()
        before = set(self.instance.aliases if self.instance.pk else [])
        added = [alias for alias in cleaned.get("aliases") or [] if alias not in before]
        if not added or cleaned.get("confirm_new_aliases"):
            return cleaned
        from editorial.alias_preview import preview_aliases

        preview = preview_aliases(added)
        if not preview.mentions:
            return cleaned
        message = gettext(
            "The new aliases would match %(mentions)s%(more)s stored mention(s) in "
            "%(articles)s article(s)"
        ) % {
            "mentions": preview.mentions,
            "more": "" if preview.complete else "+",
            "articles": preview.articles,
        }
        examples = "; ".join(f"{title}: {snippet}" for title, snippet in preview.examples)
        self.add_error(
            "aliases",
            gettext("%(summary)s, e.g. %(examples)s. Tick “Save the new aliases” to save them.")
            % {"summary": message, "examples": examples},
        )
        return cleaned


class CountryForm(EditConflictGuard):
    aliases = LinesField(required=False, help_text=_("One per line, e.g. “U.S.”, “EE.UU.”."))
    demonyms = LinesField(required=False, help_text=_("One per line, e.g. “Salvadoran”."))

    class Meta:
        model = Country
        fields = ["name", "code", "slug", "aliases", "demonyms"]


class ExcerptForm(EditConflictGuard):
    """An excerpt must be the article's own words: its offsets are found or checked here."""

    class Meta:
        model = Excerpt
        fields = ["article", "event", "quote", "start", "end"]
        help_texts = {
            "start": _("Leave start and end empty to find the quote in the article's text."),
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
                    {
                        "quote": gettext(
                            "These words are not in the article's text; copy them exactly."
                        )
                    }
                )
            cleaned["start"], cleaned["end"] = found, found + len(quote)
        elif start is None or end is None or article.body[start:end] != quote:
            raise forms.ValidationError(
                {
                    "start": gettext(
                        "The article's text between start and end is not the quote. "
                        "Leave start and end empty to find the quote in the text."
                    )
                }
            )
        return cleaned
