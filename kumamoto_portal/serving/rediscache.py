"""Django's Redis cache backend, with one redis-py client per connection pool and
entries that are never executable when read.

Django 5.2's backend builds a new `redis.Redis` object for every cache call, and
each one copies redis-py's table of reply handlers (about 170 entries): on a page
cache hit that cost more than the round trip to Redis. The client is thread-safe
and shares the pool, so one per pool is enough. CACHE_URL=redis://… uses this.

Django's backend stores pickles, and reading a pickle runs code: anything that can
write the shared Redis could then run code on every app server. SignedSerializer
stores integers as they are (so `incr` works) and page entries as JSON headers and
raw bytes, signed with SECRET_KEY; an entry that is not signed by this site, or
anything else, reads as a miss.
"""

import hashlib
import hmac
import logging

from django.conf import settings
from django.core.cache.backends import redis as django_redis

from .pagecache import Entry

logger = logging.getLogger(__name__)
SIGNATURE_BYTES = 32


class SignedSerializer:
    """Integers raw; page entries (pagecache.Entry) as signed bytes; nothing else."""

    def dumps(self, value) -> int | bytes:
        if type(value) is int:
            return value
        if not isinstance(value, Entry):
            raise TypeError(f"the page cache stores integers and page entries only, not {type(value).__name__}")
        data = value.to_bytes()
        return _signature(data) + data

    def loads(self, data: bytes) -> int | Entry | None:
        try:
            return int(data)
        except ValueError:
            pass
        signature, body = data[:SIGNATURE_BYTES], data[SIGNATURE_BYTES:]
        if not hmac.compare_digest(signature, _signature(body)):
            logger.warning("a page cache entry without this site's signature was ignored")
            return None
        return Entry.from_bytes(body)


def _signature(data: bytes) -> bytes:
    return hmac.new(f"page-cache:{settings.SECRET_KEY}".encode(), data, hashlib.sha256).digest()


class ReusedClientRedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
