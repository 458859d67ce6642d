"""A small counseling service for the counseling tests: Tue and Sun 18:00–22:00, closed 12/29–1/3."""

from datetime import time

import pytest

from counseling.models import Closure, CrisisLine, Menu, Service, WeeklySession


@pytest.fixture
def service(db, source) -> Service:
    service = Service.objects.create(
        name="試験のLINE相談",
        summary="試験用の相談窓口です。",
        how_to_start="友だち追加する\nメニューを選ぶ",
        safety_features="匿名で相談できる",
        contact_department="試験課",
        contact_phone="096-328-2111",
    )
    service.sources.add(source)
    Menu.objects.create(service=service, name="こころの相談")
    for weekday in (1, 6):  # Tuesday, Sunday
        WeeklySession.objects.create(service=service, weekday=weekday, start=time(18), end=time(22)).sources.add(source)
    Closure.objects.create(
        service=service, kind="yearly", reason="年末年始", start_month=12, start_day=29, end_month=1, end_day=3
    )
    CrisisLine.objects.create(name="試験の電話相談", phone="096-386-1166")
    return service
