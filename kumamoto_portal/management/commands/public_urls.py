"""manage.py public_urls: print every public URL on this database (kumamoto_portal/site/pages.py)."""

from django.core.management.base import BaseCommand

from kumamoto_portal.site.pages import one_of_each, public_urls


class Command(BaseCommand):
    help = "公開ページの URL をすべて(--one-of-each なら種類ごとに 1 つ)表示します。"

    def add_arguments(self, parser):
        parser.add_argument("--one-of-each", action="store_true", help="ページの種類ごとに最初の 1 つだけ")

    def handle(self, *args, **options):
        urls = public_urls()
        for url in one_of_each(urls) if options["one_of_each"] else urls:
            self.stdout.write(url)
