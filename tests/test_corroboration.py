"""One event, many sources: merging reports across articles and flagging disagreements."""

import datetime
from decimal import Decimal

import pytest

from articles.extraction.corroboration import SourceReport, disagreements, key_terms
from articles.extraction.figures import extract_figures
from articles.services import import_text
from tests.seeds import SEEDS, seed_text
from timeline.models import Event


@pytest.mark.parametrize(
    ("text", "value", "unit", "counts"),
    [
        ("the transfer of 238 members of Tren de Aragua", Decimal(238), "people", "members"),
        ("transferred a total of 232 migrants to Cecot", Decimal(232), "people", "migrants"),
        ("up to six million dollars annually", Decimal(6_000_000), "usd", ""),
        ("the annual cost of $200 million", Decimal(200_000_000), "usd", ""),
        ("about 90% of the men", Decimal(90), "percent", ""),
        ("over 40,000 inmates work", Decimal(40_000), "people", "inmates"),
        ("hasta seis millones de dólares", Decimal(6_000_000), "usd", ""),
    ],
)
def test_figures_with_what_they_count(text, value, unit, counts):
    (figure,) = extract_figures(text)
    assert (figure.value, figure.unit, figure.counts) == (value, unit, counts)
    assert text[figure.start : figure.end] == figure.text


def test_years_and_compound_adjectives_are_not_figures():
    assert extract_figures("in 2022, the 40,000-bed prison opened in 1992") == []


def report(article, *, date=None, precision="unknown", figures=()):
    return SourceReport(article, date, precision, tuple(figures))


def test_sources_that_agree_are_not_disputed():
    reports = [
        report(1, date=datetime.date(2025, 4, 14), precision="day", figures=[("people", 238)]),
        report(2, date=datetime.date(2025, 4, 1), precision="month", figures=[("people", 238)]),
    ]
    assert disagreements(reports) == []


def test_different_counts_and_dates_beyond_precision_are_disputed():
    reports = [
        report(1, date=datetime.date(2025, 4, 14), precision="day", figures=[("people", 238)]),
        report(2, date=datetime.date(2025, 3, 1), precision="month", figures=[("people", 232)]),
    ]
    assert disagreements(reports) == ["counts of people", "dates"]


def test_one_source_cannot_disagree_with_itself():
    reports = [report(1, figures=[("people", 238)]), report(1, figures=[("people", 23)])]
    assert disagreements(reports) == []


def test_key_terms_leave_out_names_compared_elsewhere():
    terms = key_terms("Bukele sent 238 Tren de Aragua members to CECOT.", ignore={"bukele"})
    assert terms == {"tren", "aragua", "cecot"}


pytestmark = pytest.mark.django_db


def import_story(name, text):
    outcome = import_text(text, source_file=name)
    assert outcome.status == "imported", outcome.message
    return outcome.article


def test_the_cecot_transfer_of_001_and_003_is_one_disputed_event():
    for prefix in ("001", "003"):
        (path,) = SEEDS.glob(f"{prefix}_*.txt")
        import_story(path.name, seed_text(prefix))
    (transfer,) = Event.objects.filter(event_type="transfer", excerpts__quote__contains="238")
    sources = transfer.excerpts.select_related("article").prefetch_related("figures")
    assert {excerpt.article.source_file[:3] for excerpt in sources} == {"001", "003"}
    figures = {figure.text for excerpt in sources for figure in excerpt.figures.all()}
    assert {"238 members", "232 migrants"} <= figures
    assert transfer.is_disputed
    assert Event.objects.filter(event_type="transfer", excerpts__quote__contains="232").get() == (
        transfer
    )


def test_two_outlets_reporting_one_meeting_make_one_event_with_two_sources():
    import_story(
        "efe.txt",
        "Bukele at the White House\n\nPosted on 17/04/2025\n\n"
        "Nayib Bukele met Donald Trump in the Oval Office on Monday to discuss the CECOT "
        "prison agreement and Tren de Aragua.",
    )
    import_story(
        "ap.txt",
        "Trump hosts Bukele\n\nApril 15, 2025\n\n"
        "Donald Trump held a meeting with Bukele on 14 April 2025, talking about CECOT and "
        "the Tren de Aragua deportations.",
    )
    (meeting,) = Event.objects.filter(event_type="meeting")
    assert meeting.excerpts.values("article").distinct().count() == 2
    assert meeting.date == datetime.date(2025, 4, 14)
    assert not meeting.is_disputed


def test_two_visits_by_the_same_person_months_apart_stay_two_events():
    import_story(
        "june.txt",
        "Bullrich in El Salvador\n\nJune 10, 2024\n\n"
        "Patricia Bullrich visited El Salvador's CECOT Mega Prison on Sunday.",
    )
    import_story(
        "february.txt",
        "Bullrich back in El Salvador\n\nFebruary 20, 2025\n\n"
        "Patricia Bullrich visited El Salvador's CECOT Mega Prison on Monday.",
    )
    visits = Event.objects.filter(event_type="visit").order_by("date")
    assert [visit.date for visit in visits] == [
        datetime.date(2024, 6, 9),
        datetime.date(2025, 2, 17),
    ]


def test_undated_visits_by_one_person_to_two_countries_stay_apart():
    import_story("a.txt", "Rubio tour\n\nMarco Rubio visited El Salvador's National Palace.")
    import_story("b.txt", "Rubio tour\n\nMarco Rubio visited Costa Rica's National Palace.")
    assert Event.objects.filter(event_type="visit").count() == 2


def test_a_date_a_day_apart_in_near_identical_reports_is_flagged_as_a_dispute():
    body = (
        "Nayib Bukele met Donald Trump at the White House Oval Office with Marco Rubio "
        "about CECOT, Tren de Aragua and the Alien Enemies Act on {}."
    )
    import_story("one.txt", "Meeting\n\n" + body.format("14 April 2025"))
    import_story("two.txt", "Meeting\n\n" + body.format("15 April 2025"))
    (meeting,) = Event.objects.filter(event_type="meeting")
    assert meeting.is_disputed
    dates = set(meeting.excerpts.values_list("reported_date", flat=True))
    assert dates == {datetime.date(2025, 4, 14), datetime.date(2025, 4, 15)}


def test_removing_the_disagreeing_source_clears_the_dispute():
    for prefix in ("001", "003"):
        (path,) = SEEDS.glob(f"{prefix}_*.txt")
        import_story(path.name, seed_text(prefix))
    (path,) = SEEDS.glob("003_*.txt")
    changed = seed_text("003").replace("transferred a total of 232 migrants", "sent migrants")
    assert import_text(changed, source_file=path.name).status == "updated"
    transfer = Event.objects.get(event_type="transfer", excerpts__quote__contains="238")
    assert not transfer.is_disputed


def test_two_events_of_one_article_joining_the_same_event_link_each_country_once():
    import_story(
        "first.txt",
        "Meeting\n\nApril 15, 2025\n\nNayib Bukele met Donald Trump at the White House on "
        "14 April 2025 about CECOT, the Alien Enemies Act and Tren de Aragua.",
    )
    second = import_story(
        "second.txt",
        "Meeting\n\nApril 16, 2025\n\n"
        "Bukele met Trump in the Oval Office on 14 April 2025 to discuss CECOT, the Bitcoin Law "
        "and Venezuelan prisoners.\n\n"
        "The meeting in Washington was about CECOT and the Tren de Aragua gang from Venezuela.",
    )
    (meeting,) = Event.objects.filter(event_type="meeting")
    assert meeting.excerpts.filter(article=second).count() == 2
    assert list(meeting.countries.values_list("code", flat=True)).count("VE") == 1


def test_a_death_toll_and_a_number_detained_are_not_a_disagreement():
    import_story(
        "declared.txt",
        "Emergency declared\n\nMarch 28, 2022\n\nNayib Bukele declared a state of emergency "
        "against MS-13 and Barrio 18 on Sunday, after 62 homicides in one day.",
    )
    import_story(
        "since.txt",
        "Emergency since March\n\nApril 2, 2022\n\nNayib Bukele declared the state of emergency "
        "against MS-13 and Barrio 18 on March 27; 6,000 gang members have been detained since.",
    )
    (emergency,) = Event.objects.filter(event_type="policy")
    assert emergency.excerpts.values("article").distinct().count() == 2
    assert not emergency.is_disputed


def test_two_death_tolls_that_differ_are_a_disagreement():
    import_story(
        "sixty-two.txt",
        "Emergency declared\n\nMarch 28, 2022\n\nNayib Bukele declared a state of emergency "
        "against MS-13 and Barrio 18 on Sunday, after 62 homicides in one day.",
    )
    import_story(
        "eighty-seven.txt",
        "Emergency declared\n\nMarch 29, 2022\n\nNayib Bukele declared the state of emergency "
        "against MS-13 and Barrio 18 on March 27, after 87 homicides in one weekend.",
    )
    (emergency,) = Event.objects.filter(event_type="policy")
    assert emergency.is_disputed


def test_undated_visits_reported_two_years_apart_stay_two_events():
    import_story(
        "2024.txt",
        "Bullrich in El Salvador\n\nJune 10, 2024\n\nArgentine Security Minister Patricia "
        "Bullrich visited El Salvador's CECOT Mega Prison, seeking policies to emulate.",
    )
    import_story(
        "2026.txt",
        "Bullrich back in El Salvador\n\nFebruary 20, 2026\n\nArgentine Security Minister "
        "Patricia Bullrich visited El Salvador's CECOT Mega Prison, seeking new policies.",
    )
    assert Event.objects.filter(event_type="visit").count() == 2


def test_meetings_with_different_people_on_one_day_stay_two_events():
    import_story(
        "trump.txt",
        "Trump\n\nApril 15, 2025\n\nNayib Bukele met Donald Trump at the White House on "
        "April 14, 2025 to discuss CECOT.",
    )
    import_story(
        "rubio.txt",
        "Rubio\n\nApril 15, 2025\n\nNayib Bukele met Marco Rubio at the State Department on "
        "April 14, 2025 to discuss CECOT and the Alien Enemies Act.",
    )
    assert Event.objects.filter(event_type="meeting").count() == 2


def test_every_figure_holds_the_part_its_pattern_is_skipped_without():
    from articles.extraction.figures import PATTERNS

    text = (
        "US$5 million, $200 million and USD 3bn; six million dollars, 40 mil dólares; "
        "about 90%, 12 percent, 3 per cent, 15 por ciento; 238 Tren de Aragua members."
    )
    for pattern, _unit, needed in PATTERNS:
        matches = list(pattern.finditer(text))
        assert matches
        if needed is not None:
            assert all(needed.search(match.group()) for match in matches)


def summary(**fields):
    from articles.extraction.corroboration import EventSummary

    values = dict(
        event_type="meeting",
        date=datetime.date(2025, 4, 21),
        precision="day",
        actors=frozenset({"javier-milei"}),
        countries=frozenset({"AR", "US"}),
        home_countries=frozenset({"AR"}),
        terms=frozenset({"bessent", "tesoro", "swap"}),
        published=frozenset({datetime.date(2025, 4, 22)}),
    )
    values.update(fields)
    return EventSummary(**values)


def test_a_report_published_before_the_events_date_never_joins_it():
    from articles.extraction.corroboration import match_score

    meeting = summary()
    assert match_score(summary(), meeting) is not None
    early = summary(
        date=None, precision="unknown", published=frozenset({datetime.date(2025, 4, 15)})
    )
    assert match_score(early, meeting) is None
    assert match_score(meeting, early) is None


def test_reports_without_people_never_join_on_countries_alone():
    from articles.extraction.corroboration import match_score

    doctors = summary(
        event_type="statement", actors=frozenset(), countries=frozenset({"CL"}),
        date=None, precision="unknown", terms=frozenset({"colegio", "médico"}),
    )  # fmt: skip
    harvest = summary(
        event_type="statement", actors=frozenset(), countries=frozenset({"CL"}),
        date=None, precision="unknown", terms=frozenset({"cosecha", "médico"}),
    )  # fmt: skip
    assert match_score(doctors, harvest) is None
    same_day = summary(actors=frozenset(), countries=frozenset({"CL"}), terms=frozenset({"x"}))
    assert match_score(same_day, summary(actors=frozenset(), countries=frozenset({"CL"}),
                                         terms=frozenset({"x", "y"}))) is not None  # fmt: skip


def test_a_scheduled_event_reported_as_happened_later_is_scheduled_no_more():
    import_story(
        "before.txt",
        "Bukele to meet Trump\n\nApril 21, 2025\n\nNayib Bukele will meet Donald Trump in the "
        "Oval Office on 18 May 2025 to discuss the CECOT prison agreement and Tren de Aragua.",
    )
    meeting = Event.objects.get(event_type="meeting")
    assert (meeting.date, meeting.scheduled) == (datetime.date(2025, 5, 18), True)
    assert meeting.date_display == "expected on 18 May 2025"
    import_story(
        "after.txt",
        "Bukele met Trump\n\nMay 19, 2025\n\nNayib Bukele met Donald Trump in the Oval "
        "Office on 18 May 2025 to discuss the CECOT prison agreement and Tren de Aragua.",
    )
    meeting = Event.objects.get(event_type="meeting")
    assert (meeting.date, meeting.scheduled, meeting.excerpts.count()) == (
        datetime.date(2025, 5, 18),
        False,
        2,
    )
