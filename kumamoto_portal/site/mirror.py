"""A static, read-only copy of the public site (`manage.py build_mirror DIR`).

Any static web server or CDN can serve it while the application is down. Every page of
the sitemap and every page they link to is rendered in-process and written as a plain
file (`/areas/` → `areas/index.html`), with the Atom feed, `sessions.ics`,
`facilities.csv`, robots.txt, the sitemap and the static files they use. Links work on a
static server: links with a query (`?sort=kana`, `?month=2026-12`) point at files of
their own, or, past MAX_VARIANTS per page, at the page without the query. The live
counseling status is left out (livestatus.py), and each page says when it was copied.
"""

import re
import shutil
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import SuspiciousFileOperation
from django.test import Client
from django.utils import timezone

from kumamoto_portal.lib.livestatus import without_live_status
from kumamoto_portal.lib.wareki import wareki_date

from .pages import public_urls

MAX_VARIANTS = 24  # query-string pages kept per path (sort orders, calendar months, pages of a list)
LINK = re.compile(r'(?P<attr>href|src)="(?P<url>[^"]*)"')


@dataclass
class Mirror:
    pages: dict[str, bytes] = field(default_factory=dict)  # URL (path and query) → body
    static: set[str] = field(default_factory=set)  # static file names
    skipped: dict[str, int] = field(default_factory=dict)  # URL → status that was not 200


def seed_paths() -> list[str]:
    """Every page of the sitemap, and the feeds and files that no sitemap lists."""
    return public_urls(finders=False)


def mirror_host() -> str:
    """A host name the site accepts (ALLOWED_HOSTS), to render the pages with."""
    for host in settings.ALLOWED_HOSTS:
        if host not in ("*", "") and not host.startswith("."):
            return host
    return "localhost"


def own_hosts(host: str) -> set[str]:
    hosts = {host}
    if settings.SITE_URL:
        hosts.add(urlsplit(settings.SITE_URL).netloc)
    return hosts


def internal_target(page_url: str, href: str, hosts: set[str]) -> str | None:
    """The site URL (path and query) a link of `page_url` points at, or None when it leaves the site."""
    if href.startswith("#") or not href:
        return None
    parts = urlsplit(urljoin(page_url, href))
    if parts.scheme not in ("", "http", "https") or (parts.netloc and parts.netloc not in hosts):
        return None
    if ".." in unquote(parts.path).split("/"):  # e.g. /static/../../settings.py typed into a notice
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def file_path(url: str) -> str:
    """Where a page is written: `/areas/` → `areas/index.html`, `/areas/?sort=kana` → `areas/q-sort-kana.html`."""
    path, _, query = url.partition("?")
    if query:
        return path.lstrip("/") + "q-" + re.sub(r"[^A-Za-z0-9_]+", "-", query).strip("-") + ".html"
    return path.lstrip("/") + ("index.html" if path.endswith("/") else "")


def crawl(client: Client, hosts: set[str]) -> Mirror:
    mirror = Mirror()
    queue = deque(seed_paths())
    seen = set(queue)
    variants: dict[str, int] = {}
    while queue:
        url = queue.popleft()
        if url.startswith(settings.STATIC_URL):
            mirror.static.add(url.removeprefix(settings.STATIC_URL))
            continue
        response = client.get(url)
        if response.status_code != 200 or response.streaming:
            mirror.skipped[url] = response.status_code
            continue
        mirror.pages[url] = response.content
        if not response["Content-Type"].startswith("text/html"):
            continue
        for match in LINK.finditer(response.content.decode()):
            target = internal_target(url, match["url"], hosts)
            if target is None or target in seen:
                continue
            path, _, query = target.partition("?")
            if query:
                if variants.get(path, 0) >= MAX_VARIANTS:
                    continue
                variants[path] = variants.get(path, 0) + 1
            seen.add(target)
            queue.append(target)
    return mirror


def rewrite_links(html: str, page_url: str, mirror: Mirror, hosts: set[str]) -> str:
    """Links as a static server can answer them (see the module doc)."""

    def replace(match: re.Match) -> str:
        target = internal_target(page_url, match["url"], hosts)
        if target is None:
            return match[0]
        fragment = urlsplit(match["url"]).fragment
        path, _, query = target.partition("?")
        new = "/" + file_path(target) if query and target in mirror.pages else path
        return f'{match["attr"]}="{new}{"#" + fragment if fragment else ""}"'

    return LINK.sub(replace, html)


def copied_note(now: datetime) -> str:
    local = timezone.localtime(now)
    return (
        '<div class="container"><p class="note">このページは、'
        f"{wareki_date(local.date())} {local:%H:%M} 時点の写しです。"
        "サイトの復旧後に、最新の情報をご確認ください。</p></div>"
    )


def static_source(name: str) -> Path | None:
    """The file behind a static URL: collected (hashed) in STATIC_ROOT, else found by the finders."""
    if staticfiles_storage.exists(name):
        return Path(staticfiles_storage.path(name))
    found = finders.find(name)
    return Path(found) if found else None


def build_mirror(directory: Path, now: datetime | None = None) -> Mirror:
    """Write the static copy into `directory` (see the module doc); returns what was written."""
    now = now or timezone.now()
    host = mirror_host()
    hosts = own_hosts(host)
    mirror = crawl(Client(HTTP_HOST=host, raise_request_exception=False), hosts)
    note = copied_note(now)
    for url, body in mirror.pages.items():
        target = directory / PurePosixPath(file_path(url))
        if not target.resolve().is_relative_to(directory.resolve()):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if file_path(url).endswith(".html"):
            html = rewrite_links(without_live_status(body.decode()), url, mirror, hosts)
            body = re.sub(r"(<main\b[^>]*>)", lambda match: match[1] + note, html, count=1).encode()
        target.write_bytes(body)
    static_root = directory / PurePosixPath(settings.STATIC_URL.lstrip("/"))
    for name in sorted(mirror.static):
        try:
            source = static_source(name)
        except SuspiciousFileOperation:  # a name that leaves the static folder
            continue
        target = static_root / name
        if source is not None and target.resolve().is_relative_to(static_root.resolve()):
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    return mirror
