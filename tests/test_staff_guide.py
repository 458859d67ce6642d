"""docs/staff.md: every picture it shows is one the browser tests take (tests/e2e/test_admin_staff.py)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_picture_of_the_guide_is_taken_by_the_browser_tests_and_committed():
    guide = (ROOT / "docs" / "staff.md").read_text(encoding="utf-8")
    shown = set(re.findall(r"\]\(images/([\w-]+)\.png\)", guide))
    taken = set(re.findall(r'_shot\(page, "([\w-]+)"\)', (ROOT / "tests" / "e2e" / "test_admin_staff.py").read_text()))
    assert shown and shown == taken
    assert all((ROOT / "docs" / "images" / f"{name}.png").stat().st_size > 10_000 for name in shown)


def test_the_guide_covers_the_tasks_and_the_readme_links_to_it():
    guide = (ROOT / "docs" / "staff.md").read_text(encoding="utf-8")
    for heading in (
        "ログインする",
        "開館時間と電話番号",
        "休みや臨時の受付",
        "お知らせを出す",
        "構成市町村を加える",
        "変更を取り消す",
        "役割と、できること",
    ):
        assert heading in guide
    assert "docs/staff.md" in (ROOT / "README.md").read_text(encoding="utf-8")
