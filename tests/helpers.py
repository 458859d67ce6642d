"""Small helpers shared by the view tests."""

import re

from django.http import HttpResponse


def page_text(response: HttpResponse) -> str:
    """The visible text of an HTML response, tags removed and whitespace collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))
