"""manage.py build_mirror DIR: a static, read-only copy of the public site (see kumamoto_portal/site/mirror.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand

from kumamoto_portal.site.mirror import build_mirror


class Command(BaseCommand):
    help = (
        "公開ページの静的な写し(ミラー)を DIR に書き出します。"
        "アプリが止まっている間、静的ウェブサーバーや CDN で配れます。"
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("directory", type=Path, help="書き出し先のディレクトリ(なければ作ります)")

    def handle(self, *args, directory: Path, **options) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        mirror = build_mirror(directory)
        pages, static = len(mirror.pages), len(mirror.static)
        self.stdout.write(f"{directory} に {pages} ページと静的ファイル {static} 件を書き出しました。")
        for url, status in sorted(mirror.skipped.items()):
            self.stderr.write(f"書き出さなかったページ(状態 {status}): {url}")
