"""Valid HTML: the Nu HTML Checker (npm vnu-jar, pinned in package.json; `make test`
installs it) finds no error on any public page, error pages included."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import public_urls

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]
VNU = Path(__file__).resolve().parent.parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ERROR_PAGES = ["/areas/999999/", "/libraries/return/?from=abc", "/notices/?page=99"]


def require_checker() -> None:
    if not VNU.exists() or not shutil.which("java"):
        message = "Nu HTML Checker が見つかりません(npm ci と java が必要です。make test が入れます)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def test_the_nu_checker_finds_no_error_on_any_public_page(client, tmp_path):
    require_checker()
    pages = {}
    for n, url in enumerate([*public_urls(), *ERROR_PAGES]):
        response = client.get(url)
        if response["Content-Type"].startswith("text/html"):
            pages[f"page{n}.html"] = url
            (tmp_path / f"page{n}.html").write_bytes(response.content)
    assert len(pages) > 150
    checked = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(checked.stderr or checked.stdout)["messages"]
    errors = [f"{pages[Path(m['url']).name]}: {m['message']}" for m in messages if m.get("type") == "error"]
    assert errors == []
