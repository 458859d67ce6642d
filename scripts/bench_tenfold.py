"""Add nine more copies of the municipalities, projects and library locations (10x data).

Run with: .venv/bin/python manage.py shell < scripts/bench_tenfold.py  (benchmark databases only)
"""

from areas.models import CooperationProject, Municipality
from areas.rules import check_digit
from libraries.models import Location

members = []
for n in range(Municipality.objects.count() * 9):
    prefix = f"{90000 + n:05d}"
    members.append(
        Municipality.objects.create(
            code=f"{prefix}{check_digit(prefix)}",
            name=f"試験市{n}",
            kana="しけんし",
            kind="市",
            joined_on="2020-01-01",
            population=1000 + n,
            area_km2="10.50",
        )
    )
for n in range(CooperationProject.objects.count() * 9):
    project = CooperationProject.objects.create(
        title=f"試験事業{n}", slug=f"bench-{n}", status="active", summary="試験"
    )
    project.municipalities.set(members[n : n + 3])
originals = list(Location.objects.all())
Location.objects.bulk_create(
    Location(system_id=loc.system_id, name=f"{loc.name}{n}", kind=loc.kind, ward=loc.ward, display_order=200 + n)
    for n in range(9)
    for loc in originals
)
print("10x:", Municipality.objects.count(), "municipalities,", Location.objects.count(), "locations")
