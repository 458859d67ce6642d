"""Architecture contracts of the site-wide app (README 「構成」).

kumamoto_portal/ is the floor and the roof of the house: the floor (lib/, admin/, serving/,
staff/, models, history, reference data, templatetags…) imports no content app, so every app
can build on it; only the roof (site/, urls.py, management commands) may import the apps.
The apps tell the floor what it needs on their AppConfig (kumamoto_portal/appconfig.py).
"""

import ast
from pathlib import Path

import pytest
from django.apps import apps

from kumamoto_portal.appconfig import PortalAppConfig

ROOT = Path(__file__).resolve().parent.parent
PORTAL = ROOT / "kumamoto_portal"
ROOF = ("site", "urls.py", "management", "migrations")
CONTENT_APPS = ("areas", "libraries", "counseling", "notices")


def floor_modules() -> list[Path]:
    return sorted(path for path in PORTAL.rglob("*.py") if path.relative_to(PORTAL).parts[0] not in ROOF)


def imported_modules(path: Path, package: str = "") -> set[str]:
    """Every module `path` imports, at its top or inside a function, relative imports resolved."""
    package = package or ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, *([base] if base else [])])
            found |= {base} | {f"{base}.{alias.name}" for alias in node.names}
    return found


def forbidden_for_the_floor(module: str) -> bool:
    top = module.split(".")[0]
    return top in CONTENT_APPS or module.startswith(("kumamoto_portal.site", "kumamoto_portal.urls"))


def test_the_contract_sees_every_floor_package():
    parts = {path.relative_to(PORTAL).parts[0] for path in floor_modules()}
    assert {"lib", "admin", "serving", "staff", "models.py", "appconfig.py", "reference.py"} <= parts


def violations(path: Path, package: str = "") -> list[str]:
    return sorted(module for module in imported_modules(path, package) if forbidden_for_the_floor(module))


@pytest.mark.parametrize("path", floor_modules(), ids=lambda path: str(path.relative_to(ROOT)))
def test_no_floor_module_imports_a_content_app_or_the_roof(path):
    bad = violations(path)
    assert bad == [], f"{path.relative_to(ROOT)} imports {bad}: the floor of kumamoto_portal imports no content app"


def test_the_contract_catches_imports_of_an_app_or_the_roof_at_any_depth(tmp_path):
    module = tmp_path / "pagecache.py"
    module.write_text(
        "from django.conf import settings\n"
        "def store():\n    from notices.models import Notice\n"
        "from ..site import views\n"
        "import libraries\n"
    )
    found = violations(module, package="kumamoto_portal.serving")
    assert found == [
        "kumamoto_portal.site",
        "kumamoto_portal.site.views",
        "libraries",
        "notices.models",
        "notices.models.Notice",
    ]


@pytest.mark.parametrize("label", CONTENT_APPS)
def test_each_content_app_declares_itself_on_its_app_config(label):
    config = apps.get_app_config(label)
    assert isinstance(config, PortalAppConfig), f"{label} fell back to a plain AppConfig"
    assert config.content
    assert config.page_content and config.sitemaps and config.staff_role


def test_content_apps_do_not_import_one_another_views():
    for label in CONTENT_APPS:
        for path in (ROOT / label).rglob("*.py"):
            others = {f"{other}.views" for other in CONTENT_APPS if other != label}
            assert not imported_modules(path) & others, path
