"""Staff-typed plain text shown to residents: what is refused, and how it becomes HTML.

A notice body is plain text: paragraphs separated by a blank line, and addresses
that start with https:// become links. Nothing else is a link (no http://, bare
domains or e-mail addresses), and an address is left as text when it hides
something: a user name or password before the host (https://city.jp@evil.example),
or invisible characters that reorder or hide text (bidi overrides, zero-width
characters).
"""

import re
import unicodedata
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.html import escape, linebreaks
from django.utils.safestring import SafeString, mark_safe

LINE_BREAKS = "\n\r\t"
HTTPS_URL = re.compile(r"https://[^\s<>\"'　、。「」『』（）]+")
TRAILING = ".,;:!?)]}）」』。、"


def is_hidden_or_control(char: str) -> bool:
    """Control characters (but line breaks and tabs) and invisible format characters
    (bidi overrides, zero-width spaces and joiners)."""
    return char not in LINE_BREAKS and unicodedata.category(char) in ("Cc", "Cf")


def validate_plain_text(value: str) -> None:
    """Refuse control and invisible characters in multi-line text (they break the feed and can
    disguise a link)."""
    if any(is_hidden_or_control(char) for char in value):
        raise ValidationError(
            "制御文字や見えない文字(文字の向きを変える記号など)は入力できません。"
            "ほかの文書から貼り付けた場合は、その部分を入力し直してください。",
            code="hidden_character",
        )


def printable(value: str) -> str:
    """`value` without control and invisible characters (for rows saved before the check)."""
    return "".join(char for char in value if not is_hidden_or_control(char))


def is_safe_link(url: str) -> bool:
    """An https address with a plain host: no user name or password before it."""
    parts = urlsplit(url)
    return parts.scheme == "https" and bool(parts.hostname) and "@" not in parts.netloc


def link_https(text: str) -> SafeString:
    """`text` escaped, with each safe https:// address made a link (see the module doc)."""
    pieces, last = [], 0
    for match in HTTPS_URL.finditer(text):
        url = match[0].rstrip(TRAILING)
        end = match.start() + len(url)
        pieces.append(escape(text[last : match.start()]))
        if is_safe_link(url):
            pieces.append(f'<a href="{escape(url)}" rel="nofollow">{escape(url)}</a>')
        else:
            pieces.append(escape(url))
        last = end
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))


def plain_text_html(text: str) -> SafeString:
    """A plain-text body as HTML paragraphs with its https links (the notice page and the feed)."""
    return mark_safe(linebreaks(link_https(printable(text)), autoescape=False))
