"""People and organisations discovered at import become actors at once, merged across articles,
and a rejected name never comes back."""

import datetime

import pytest

from articles.services import import_text
from timeline.models import Actor, Event

pytestmark = pytest.mark.django_db


def story(name, body, published="3 de febrero de 2025"):
    outcome = import_text(f"Noticia\n\n{published}\n\n{body}", source_file=name)
    assert outcome.status == "imported", outcome.message
    return outcome.article


def test_a_titled_person_becomes_a_discovered_actor_with_role_country_and_date():
    story(
        "a.txt",
        "El presidente de Guatemala, Bernardo Arévalo, visitó México el lunes. "
        "Arévalo se reunió con empresarios.",
    )
    actor = Actor.objects.get(slug="bernardo-arevalo")
    assert actor.status == Actor.Status.DISCOVERED
    assert actor.category == Actor.Category.PERSON
    assert (actor.role, actor.country.code) == ("presidente", "GT")
    assert actor.role_seen_on == datetime.date(2025, 2, 3)
    assert Event.objects.filter(actors=actor).exists()
    assert Actor.objects.get(slug="nayib-bukele").status == Actor.Status.CONFIRMED


def test_organisations_are_actors_too():
    story("a.txt", "El Tribunal Supremo Electoral (TSE) anunció el lunes nuevas reglas.")
    actor = Actor.objects.get(slug="tribunal-supremo-electoral")
    assert actor.category == Actor.Category.ORGANISATION
    assert actor.aliases == ["TSE"]


def test_a_name_seen_once_without_a_cue_is_not_an_actor_yet():
    story("a.txt", "Ayer caminaba Pedro Pérez por la plaza y anunció su retiro el lunes.")
    assert not Actor.objects.filter(slug="pedro-perez").exists()


def test_names_merge_across_articles_by_folded_name_and_unique_surname():
    story("a.txt", "El presidente de Guatemala, Bernardo Arévalo, anunció el lunes un plan.")
    story("b.txt", "El mandatario Bernardo Arevalo anunció el martes otro plan.")
    story("c.txt", "El presidente Arévalo anunció el miércoles un tercer plan.")
    assert Actor.objects.filter(name__icontains="ar").discovered().count() == 1
    actor = Actor.objects.get(slug="bernardo-arevalo")
    assert Event.objects.filter(actors=actor).count() == 3


def test_two_people_with_one_surname_stay_two():
    story("a.txt", "El presidente Nayib Bukele anunció el lunes un plan.")
    story("b.txt", "El empresario Yamil Bukele anunció el martes una inversión.")
    story("c.txt", "El diputado Bukele anunció el miércoles su voto.")
    yamil = Actor.objects.get(slug="yamil-bukele")
    assert yamil.status == Actor.Status.DISCOVERED
    assert not Event.objects.filter(actors__slug="nayib-bukele", title__contains="Yamil").exists()
    assert not Actor.objects.filter(slug="bukele").exists()


def test_a_listed_surname_of_someone_else_in_the_article_is_not_the_namesake():
    story(
        "a.txt",
        "El fotógrafo Francisco Rubio anunció el lunes su muestra. "
        "Rubio expone en San Salvador.\n\nFoto EDH/ Francisco Rubio",
    )
    assert Event.objects.filter(actors__slug="francisco-rubio").exists()
    assert not Event.objects.filter(actors__slug="marco-rubio").exists()


def test_a_rejected_name_is_never_offered_again():
    story("a.txt", "La fiscal general Consuelo Porras anunció el lunes cargos.")
    Actor.objects.filter(slug="consuelo-porras").update(status=Actor.Status.REJECTED)
    story("b.txt", "La fiscal Consuelo Porras anunció el martes más cargos.")
    assert Actor.objects.filter(name="Consuelo Porras").count() == 1
    assert not Event.objects.filter(
        actors__slug="consuelo-porras", excerpts__quote__contains="martes"
    ).exists()
    assert Actor.objects.visible().filter(slug="consuelo-porras").count() == 0


@pytest.fixture
def editor_client(client):
    from editorial.accounts import make_editor

    client.force_login(make_editor(username="editor", password="a-long-editor-password"))
    return client


QUEUE = "/admin/timeline/discoveredactor/"


def test_the_queue_lists_discovered_actors_busiest_first_with_examples(
    editor_client, django_assert_max_num_queries
):
    story("a.txt", "La fiscal general Consuelo Porras anunció el lunes cargos.")
    story(
        "b.txt",
        "El presidente de Guatemala, Bernardo Arévalo, anunció el lunes un plan. "
        "Arévalo visitó México el martes.",
    )
    with django_assert_max_num_queries(12):
        response = editor_client.get(QUEUE)
    assert response.status_code == 200
    rows = list(response.context["cl"].result_list)
    assert [row.name for row in rows][:2] == ["Bernardo Arévalo", "Consuelo Porras"]
    assert "Nayib Bukele" not in {row.name for row in rows}
    assert "anunció el lunes un plan" in response.content.decode()


def test_confirm_and_reject_from_the_queue(editor_client):
    story("a.txt", "La fiscal general Consuelo Porras anunció el lunes cargos.")
    story("b.txt", "El presidente de Guatemala, Bernardo Arévalo, anunció el lunes un plan.")
    porras = Actor.objects.get(slug="consuelo-porras")
    arevalo = Actor.objects.get(slug="bernardo-arevalo")
    editor_client.post(QUEUE, {"action": "confirm", "_selected_action": [arevalo.pk]})
    editor_client.post(QUEUE, {"action": "reject", "_selected_action": [porras.pk]})
    arevalo.refresh_from_db()
    porras.refresh_from_db()
    assert arevalo.status == Actor.Status.CONFIRMED
    assert porras.status == Actor.Status.REJECTED
    assert not porras.events.exists()
    assert Event.objects.filter(title__contains="Porras").exists()  # the event stays
    assert editor_client.get(f"/actors/{porras.slug}/").status_code == 404


def test_merge_a_discovered_actor_into_an_existing_one(editor_client):
    target = Actor.objects.create(name="Bernardo Arévalo de León", slug="arevalo-de-leon")
    story("a.txt", "El presidente de Guatemala, Bernardo Arévalo, anunció el lunes un plan.")
    source = Actor.objects.get(slug="bernardo-arevalo")
    assert editor_client.get(f"{QUEUE}{source.pk}/change/").status_code == 200
    data = {
        "name": source.name,
        "category": source.category,
        "role": source.role,
        "country": source.country_id or "",
        "role_seen_on": "",
        "aliases": "[]",
        "merge_into": target.pk,
    }
    response = editor_client.post(f"{QUEUE}{source.pk}/change/", data)
    assert response.status_code == 302
    target.refresh_from_db()
    assert "Bernardo Arévalo" in target.aliases
    assert target.events.filter(title__contains="plan").exists()
    assert not Actor.objects.filter(slug="bernardo-arevalo").exists()


def test_a_new_alias_shows_what_it_would_match_before_it_is_saved(editor_client):
    story("a.txt", "El tenista Arévalo ganó el lunes. Arévalo celebró con su equipo.")
    actor = Actor.objects.get(slug="nayib-bukele")
    url = f"/admin/timeline/actor/{actor.pk}/change/"
    page = editor_client.get(url)
    from tests.test_admin import form_data

    data = {**form_data(page), "aliases": "\n".join([*actor.aliases, "Arévalo"])}
    data.pop("confirm_new_aliases", None)
    response = editor_client.post(url, data)
    assert response.status_code == 200  # shown again, not saved
    assert "would match 2 stored mention(s) in 1 article(s)" in response.content.decode()
    assert "El tenista Arévalo" in response.content.decode()
    assert "Arévalo" not in Actor.objects.get(pk=actor.pk).aliases
    response = editor_client.post(url, {**data, "confirm_new_aliases": "on"})
    assert response.status_code == 302
    assert "Arévalo" in Actor.objects.get(pk=actor.pk).aliases


def test_a_discovered_actor_has_a_page_at_once_saying_it_is_not_yet_confirmed(client):
    story("a.txt", "El presidente de Guatemala, Bernardo Arévalo, anunció el lunes un plan.")
    response = client.get("/actors/bernardo-arevalo/")
    assert response.status_code == 200
    assert "not yet confirmed by an editor" in response.content.decode()
    assert "anunció el lunes un plan" in response.content.decode()
