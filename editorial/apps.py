from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """The editors' desk: review actions, the Editors group and the history of every change."""

    name = "editorial"

    def ready(self) -> None:
        from editorial import history

        history.connect_signals()
