"""The one 10x data generator: nine more copies of the reference rows that pages list.

Used by the query-count tests (fixture `tenfold`) and by `make bench` (scripts/bench.py runs
`manage.py shell -c "from tests.tenfold import add_nine_copies; add_nine_copies()"`).
Works on the reference data as loaded; copies get codes, slugs and names of their own.
"""

from datetime import date, time, timedelta


def valid_code(first_five: int) -> str:
    """A 団体コード with a correct check digit, from its first five digits."""
    from areas.rules import check_digit

    prefix = f"{first_five:05d}"
    return f"{prefix}{check_digit(prefix)}"


def add_nine_copies() -> None:
    """Ten times the municipalities, projects, library locations and counseling schedule rows."""
    from areas.models import CooperationProject, Municipality
    from counseling.models import Closure, ExtraSession, Service
    from libraries.models import KindCount, LibrarySystem, Location

    members = Municipality.objects.bulk_create(
        Municipality(
            code=valid_code(90000 + n),
            name=f"試験市{n}",
            kana="しけんし",
            kind="市",
            joined_on=date(2020, 1, 1),
            population=1000 + n,
            area_km2="10.50",
        )
        for n in range(Municipality.objects.count() * 9)
    )
    for n in range(CooperationProject.objects.count() * 9):
        project = CooperationProject.objects.create(
            title=f"試験事業{n}", slug=f"test-project-{n}", status="active", summary="試験"
        )
        project.municipalities.set(members[n : n + 3])
    originals = list(Location.objects.all())
    Location.objects.bulk_create(
        Location(system_id=loc.system_id, name=f"{loc.name}{n}", kind=loc.kind, ward=loc.ward, display_order=200 + n)
        for n in range(9)
        for loc in originals
    )
    tamana = LibrarySystem.objects.filter(name="玉名市立図書館").first()
    if tamana is not None:
        KindCount.objects.get_or_create(system=tamana, kind="community_room", defaults={"count": 3})
    service = Service.objects.first()
    if service is not None:
        ExtraSession.objects.bulk_create(
            ExtraSession(service=service, date=date(2026, 12, 2) + timedelta(days=7 * n), start=time(10), end=time(12))
            for n in range(20)
        )
        Closure.objects.bulk_create(
            Closure(
                service=service,
                kind="dated",
                reason="臨時",
                start_date=date(2027, 2, 1) + timedelta(days=n),
                end_date=date(2027, 2, 1) + timedelta(days=n),
            )
            for n in range(10)
        )
