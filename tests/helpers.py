"""Small helpers shared by the view tests."""

import re

from django.http import HttpResponse


def page_text(response: HttpResponse) -> str:
    """The visible text of an HTML response, tags removed and whitespace collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def service_form(service, **inline_rows) -> dict[str, str]:
    """The POST data of the counseling service's admin form, with `inline_rows` per inline prefix;
    every row cites the service's first source residents see unless the row says "sources": None."""
    data = {
        "name": service.name,
        "channel": service.channel,
        "summary": service.summary,
        "how_to_start": service.how_to_start,
        "safety_features": service.safety_features,
        "friend_add_url": "",
        "without_url_note": service.without_url_note,
        "caution": service.caution,
        "contact_department": service.contact_department,
        "contact_phone": service.contact_phone,
        "sources": str(service.sources.exclude(kind="encyclopedia").first().pk),
    }
    prefixes = {"menus": [], "weekly_sessions": [], "closures": [], "closures-2": [], "extra_sessions": []}
    prefixes.update(inline_rows)
    for prefix, rows in prefixes.items():
        data[f"{prefix}-TOTAL_FORMS"] = str(len(rows))
        data[f"{prefix}-INITIAL_FORMS"] = "0"
        for i, row in enumerate(rows):
            for key, value in {"sources": data["sources"], **row}.items():
                if value is not None:  # None: the field is not sent, as a browser sends an empty choice
                    data[f"{prefix}-{i}-{key}"] = value
    return data


def public_urls() -> list[str]:
    """Every public page and file on the loaded data (the site's one list: kumamoto_portal/site/pages.py)."""
    from kumamoto_portal.site.pages import public_urls as site_public_urls

    return site_public_urls()


def page_kinds() -> list[str]:
    """One URL of each kind of public HTML page on the loaded data (no files such as .csv or
    sitemap.xml), and the styleguide (maintainers' page)."""
    from pathlib import PurePosixPath

    from kumamoto_portal.site.pages import one_of_each

    pages = [url for url in one_of_each(public_urls()) if not PurePosixPath(url.partition("?")[0]).suffix]
    return [*pages, "/styleguide/"]


def migrate(targets: list[tuple[str, str]]):
    """Move the test database to `targets` (app, migration) and return the apps of that state."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest_migrations() -> list[tuple[str, str]]:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def form_data(html: str, form_id: str | None = None) -> dict[str, str | list[str]]:
    """The data a browser would send for the form in `html` as it is (the first form whose id
    is `form_id`, else the first form with method=post): inputs, checked boxes, selected
    options and text areas. Lists for fields with several values."""
    from html.parser import HTMLParser

    class Form(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.data: dict[str, list[str]] = {}
            self.inside = self.done = False
            self.select = self.textarea = None
            self.text = ""

        def add(self, name, value):
            self.data.setdefault(name, []).append(value)

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "form" and not self.done:
                self.inside = (a.get("id") == form_id) if form_id else a.get("method", "").lower() == "post"
            if not self.inside:
                return
            if tag == "input" and a.get("name") and a.get("type") not in ("submit", "button", "file"):
                if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                    return
                self.add(a["name"], a.get("value", "on" if a.get("type") == "checkbox" else ""))
            elif tag == "select":
                self.select = a.get("name")
            elif tag == "option" and self.select and "selected" in a:
                self.add(self.select, a.get("value", ""))
            elif tag == "textarea":
                self.textarea, self.text = a.get("name"), ""

        def handle_endtag(self, tag):
            if tag == "form" and self.inside:
                self.inside, self.done = False, True
            elif tag == "select":
                self.select = None
            elif tag == "textarea" and self.textarea:
                self.add(self.textarea, self.text.removeprefix("\n"))
                self.textarea = None

        def handle_data(self, data):
            if self.textarea:
                self.text += data

    parser = Form()
    parser.feed(html)
    return {name: values if len(values) > 1 else values[0] for name, values in parser.data.items()}


def assert_shows(text: str, *facts: str) -> None:
    """Every one of `facts` stands in `text`; a failure names all the missing ones at once."""
    missing = [fact for fact in facts if fact not in text]
    assert missing == [], f"not shown: {missing}"


def answer_cards(text: str, resident) -> dict[str, str]:
    """The eligibility answer's cards by library name, each from its title to the next (the last to 出典)."""
    from libraries.models import LibrarySystem

    starts = []
    for system in LibrarySystem.objects.select_related("municipality"):
        own = system.municipality_id == resident.pk
        title = f" {system.name} {'お住まいの市町村' if own else system.owner_name}の図書館です"
        if title in text:
            starts.append((text.index(title), system.name))
    starts.sort()
    ends = [start for start, _ in starts[1:]] + [text.index(" 出典 ", starts[-1][0])]
    return {name: text[start:end] for (start, name), end in zip(starts, ends, strict=True)}
