"""CACHE_URL → Django's CACHES["default"], for every form the README documents.

- `locmemcache://` (the default: a cache in each process) and `dummycache://`
- `redis://host:6379`, `redis://host:6379/1`, `redis://:password@host:6379/1`,
  `rediss://…` (TLS) and `unix:///path/to/redis.sock?db=1` (a socket), each with or
  without `?key_prefix=…&timeout=…&version=…`

django-environ reads the first group; a Redis URL without a query string gave no
OPTIONS (a KeyError at start), a `unix://` URL was refused, and it hands
key_prefix, timeout and version to Django in lower case, which Django ignores.
"""

from urllib.parse import parse_qsl, urlencode, urlsplit

import environ

REDIS_BACKEND = "kumamoto_portal.serving.rediscache.RedisCache"  # Django's, one client per pool
DJANGO_REDIS_BACKEND = "django.core.cache.backends.redis.RedisCache"
CACHE_OPTIONS = ("key_prefix", "timeout", "version")
# A cache server that does not answer costs a request at most 2 seconds (then it is rendered without cache).
REDIS_TIMEOUTS = {"socket_connect_timeout": 2, "socket_timeout": 2}
# The per-process cache holds every canonical page (two encodings each) with room to spare.
LOCMEM_MAX_ENTRIES = 5000
SERIALIZER = "kumamoto_portal.serving.rediscache.SignedSerializer"


def cache_config(url: str) -> dict:
    """The CACHES entry for `url` (see the module doc)."""
    config = _unix_socket(url) if url.startswith("unix://") else environ.Env.cache_url_config(url)
    for option in CACHE_OPTIONS:
        if option in config:
            config[option.upper()] = config.pop(option)
    options = config.setdefault("OPTIONS", {})
    if config["BACKEND"] == DJANGO_REDIS_BACKEND:
        config["BACKEND"] = REDIS_BACKEND
        config["OPTIONS"] = {**REDIS_TIMEOUTS, "serializer": SERIALIZER, **options}
    elif config["BACKEND"].endswith("LocMemCache"):
        options.setdefault("MAX_ENTRIES", LOCMEM_MAX_ENTRIES)
    return config


def _unix_socket(url: str) -> dict:
    """`unix:///run/redis.sock?db=1&key_prefix=p`: redis-py reads the socket URL and its db itself."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query)
    ours = {key: value for key, value in query if key in CACHE_OPTIONS}
    theirs = urlencode([(key, value) for key, value in query if key not in CACHE_OPTIONS])
    location = f"unix://{parts.netloc}{parts.path}" + (f"?{theirs}" if theirs else "")
    config = {"BACKEND": DJANGO_REDIS_BACKEND, "LOCATION": location}
    for key, value in ours.items():
        config[key] = int(value) if key in ("timeout", "version") else value
    return config
