"""The admin's shared parts (floor: imports no content app).

- base.py: ContentAdmin and CompactInline, what the content apps' admins build on
- history.py: HistoryAdmin, the edit-history screens (history, 「この版に戻す」, 削除したデータ)
- mixins.py: the pieces they combine (no seconds, who sees a field, sources required)
- sources.py: the admin of the sources (出典)
"""

from . import sources  # noqa: F401  (admin autodiscovery imports this package; registers SourceAdmin)
