"""Django's Redis cache backend, with one redis-py client per connection pool.

Django 5.2's backend builds a new `redis.Redis` object for every cache call, and
each one copies redis-py's table of reply handlers (about 170 entries): on a page
cache hit that cost more than the round trip to Redis. The client is thread-safe
and shares the pool, so one per pool is enough. CACHE_URL=redis://… uses this.
"""

from django.core.cache.backends import redis as django_redis


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
