"""Multi-row INSERTs for the importer's writes, a few times cheaper than `bulk_create`.

`bulk_create` builds a model instance for every row, then prepares every field of every
instance for the database and compiles its SQL anew on each call: for the dozen events,
excerpts and links of one article that is most of the cost of writing them. Here the caller
gives plain values for the columns it sets, the statement is compiled once a run, and the other
columns get what `bulk_create` would give them (the field's default, or now for `auto_now`
fields), so a field added to a model later is filled in without a change here.
"""

from collections.abc import Sequence

from django.db import connection
from django.db.models import (
    NOT_PROVIDED,
    BooleanField,
    CharField,
    IntegerField,
    Model,
    TextField,
    signals,
)
from django.db.models.fields.related import ForeignKey
from django.utils import timezone

# Values of these fields reach the database as the Python value (str, int, bool or None).
_AS_IS = (BooleanField, CharField, IntegerField, TextField, ForeignKey)


class RowInserter:
    """INSERT … VALUES (…), (…) RETURNING id, for one model and a fixed list of set fields."""

    def __init__(self, model: type[Model], fields: Sequence[str]):
        meta = model._meta
        self.model = model
        self.given = [meta.get_field(name) for name in fields]
        self.filled = [
            field
            for field in meta.concrete_fields
            if field not in self.given
            and not (field.primary_key and field.db_returning)  # the id the database gives
            and not field.generated
            and field.db_default is NOT_PROVIDED  # the database fills these in
        ]
        self.columns = self.given + self.filled
        self.prepared = [not isinstance(field, _AS_IS) for field in self.given]
        self.per_row_defaults = any(
            field.has_default() and callable(field.default) for field in self.filled
        )
        quote = connection.ops.quote_name
        self.head = (
            f"INSERT INTO {quote(meta.db_table)} "
            f"({', '.join(quote(field.column) for field in self.columns)}) VALUES "
        )
        self.row_marks = f"({', '.join(['%s'] * len(self.columns))})"
        self.returning = f" RETURNING {quote(meta.pk.column)}"

    def insert(self, rows: Sequence[Sequence], *, returning: bool = False) -> list[int]:
        """Insert the rows (values in the order of `fields`); their ids, in order, if asked."""
        if not rows:
            return []
        filled = self._filled_values()
        limit = connection.features.max_query_params
        batch_size = max(1, limit // len(self.columns)) if limit else len(rows)
        ids: list[int] = []
        with connection.cursor() as cursor:
            for first in range(0, len(rows), batch_size):
                batch = rows[first : first + batch_size]
                params = []
                for row in batch:
                    params += self._prepare(row)
                    params += self._filled_values() if self.per_row_defaults else filled
                sql = self.head + ", ".join([self.row_marks] * len(batch))
                if returning:
                    cursor.execute(sql + self.returning, params)
                    ids += [row[0] for row in cursor.fetchall()]
                else:
                    cursor.execute(sql, params)
        return ids

    def insert_instance(self, instance: Model) -> None:
        """What `instance.save()` does for a new instance (signals, `auto_now`, the id, the
        saved state), with the statement compiled once; for an inserter given no fields."""
        model, using = type(instance), connection.alias
        signals.pre_save.send(
            sender=model, instance=instance, raw=False, using=using, update_fields=None
        )
        values = [
            field.get_db_prep_save(field.pre_save(instance, True), connection)
            for field in self.columns
        ]
        with connection.cursor() as cursor:
            cursor.execute(self.head + self.row_marks + self.returning, values)
            instance.pk = cursor.fetchone()[0]
        instance._state.adding = False
        instance._state.db = using
        signals.post_save.send(
            sender=model,
            instance=instance,
            created=True,
            update_fields=None,
            raw=False,
            using=using,
        )

    def _prepare(self, row: Sequence) -> list:
        if not any(self.prepared):
            return list(row)
        return [
            field.get_db_prep_save(value, connection) if prepare else value
            for field, prepare, value in zip(self.given, self.prepared, row, strict=True)
        ]

    def _filled_values(self) -> list:
        """What a new instance would hold, as `bulk_create` saves it (one `now` a statement;
        a callable default, such as `list`, is called for each row)."""
        now = timezone.now()
        values = []
        for field in self.filled:
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                value = now
            else:
                value = field.get_default()
            values.append(field.get_db_prep_save(value, connection))
        return values
