"""System checks for what the portal's rules take for granted (run by every manage.py command)."""

import re

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

SITE_URL_FORM = re.compile(r"https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?")


@register()
def portal_settings(app_configs=None, **kwargs) -> list[Error]:
    """Today's date, 和暦 dates and the counseling hours are all Japan's; the page cache needs a sane lifetime."""
    errors = []
    if settings.TIME_ZONE != "Asia/Tokyo" or not settings.USE_TZ:
        errors.append(
            Error(
                "TIME_ZONE は Asia/Tokyo、USE_TZ は True にしてください(日付と受付時間は日本時間で判断します)。",
                id="portal.E001",
            )
        )
    if settings.PAGE_CACHE_SECONDS < 0:
        errors.append(
            Error("PAGE_CACHE_SECONDS は 0 以上の秒数にしてください(0 でキャッシュしません)。", id="portal.E002")
        )
    if settings.SITE_URL and not SITE_URL_FORM.fullmatch(settings.SITE_URL):
        errors.append(
            Error(
                "SITE_URL は https://portal.example.jp のように、http(s):// とホスト名(必要ならポート)だけで"
                "指定してください(パス・クエリは付けません)。",
                id="portal.E003",
            )
        )
    return errors


@register(Tags.security, deploy=True)
def site_url_in_production(app_configs=None, **kwargs) -> list[Warning]:
    """Without SITE_URL, printed URLs, QR codes, the sitemap and the feed repeat whatever
    allowed Host and port a request named (e.g. portal.example.jp:8443)."""
    if settings.SITE_URL:
        return []
    return [
        Warning(
            "SITE_URL を設定してください(例: https://portal.example.jp)。未設定では、印刷の URL・QR コード・"
            "サイトマップ・フィードが、リクエストの Host とポートをそのまま使います。",
            id="portal.W001",
        )
    ]
