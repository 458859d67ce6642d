"""The Atom 1.0 feed of the 20 newest visible notices (Django's syndication framework).

Titles and bodies are written as the notice page shows them, without control characters
(which XML cannot carry). Links are absolute URLs built like every other one (SITE_URL when set), so the
feed never repeats a forged Host header.
"""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from kumamoto_portal.lib.siteurl import absolute_url
from kumamoto_portal.lib.text import plain_text_html, printable

from .models import Notice

FEED_SIZE = 20


class NoticeFeed(Feed):
    feed_type = Atom1Feed
    title = "熊本連携中枢都市圏ポータル お知らせ"
    subtitle = "熊本連携中枢都市圏の新着情報と緊急のお知らせ"
    language = "ja"

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return None

    def link(self) -> str:
        return absolute_url(self.request, reverse("notices:list"))

    def feed_url(self) -> str:
        return absolute_url(self.request, reverse("notices:feed"))

    def items(self):
        return Notice.objects.visible_at(timezone.now())[:FEED_SIZE]

    def item_title(self, item: Notice) -> str:
        title = printable(item.title)
        return f"【緊急】{title}" if item.is_urgent else title

    def item_description(self, item: Notice) -> str:
        """The body as the notice page shows it (escaped, paragraphs, https links): the feed says type="html"."""
        return plain_text_html(item.body)

    def item_author_name(self, item: Notice) -> str:
        return printable(item.office)

    def item_link(self, item: Notice) -> str:
        return absolute_url(self.request, item.get_absolute_url())

    def item_pubdate(self, item: Notice):
        return item.published_at

    def item_updateddate(self, item: Notice):
        return item.published_at
