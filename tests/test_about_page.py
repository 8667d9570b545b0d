"""The readers' "About the data" page: how events are found, what is reviewed, the accuracy."""

import pytest
from django.urls import reverse

from tests.factories import EventFactory
from timeline.models import Event
from timeline.quality import EVENT_QUALITY

pytestmark = pytest.mark.django_db


def test_the_about_page_counts_reviewed_and_extracted_events_and_shows_the_accuracy(client):
    EventFactory(status=Event.Status.REVIEWED)
    EventFactory.create_batch(2, status=Event.Status.EXTRACTED)
    page = client.get(reverse("timeline:about")).content.decode()
    assert "1 event has been reviewed by an editor" in page
    assert "2 are as the program extracted them." in page
    recall = next(figure for figure in EVENT_QUALITY if figure.key == "recall")
    assert f"<td>{recall.percent} %</td>" in page


def test_the_about_page_is_linked_from_every_page_and_in_spanish(client):
    assert reverse("timeline:about") in client.get(reverse("timeline:index")).content.decode()
    client.cookies["django_language"] = "es"
    page = client.get(reverse("timeline:about")).content.decode()
    for spanish in (
        "Acerca de los datos",
        "Cada artículo importado",
        "Las fechas solo se leen",
        "0 hechos han sido revisados por un editor;",
        "0 están tal como los extrajo el programa.",
        "Medida en 30 artículos",
        "Hechos mostrados que son reales",
    ):
        assert spanish in page
