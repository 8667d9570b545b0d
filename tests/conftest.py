"""Fixtures shared by the test modules: the seeded gazetteer's rows and the seed articles."""

import pytest
from django.core.management import call_command

from tests.seeds import SEEDS
from timeline.models import Actor, Country


@pytest.fixture
def sv(db) -> Country:
    return Country.objects.get(code="SV")


@pytest.fixture
def us(db) -> Country:
    return Country.objects.get(code="US")


@pytest.fixture
def bukele(db) -> Actor:
    return Actor.objects.get(slug="nayib-bukele")


@pytest.fixture
def rubio(db) -> Actor:
    return Actor.objects.get(slug="marco-rubio")


@pytest.fixture
def seeded(db) -> None:
    """The five seed articles, imported as `make run` imports them."""
    call_command("import_articles", str(SEEDS), verbosity=0)
