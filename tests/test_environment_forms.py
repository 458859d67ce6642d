"""Every documented environment variable (README 「本番環境」) in each of its forms gives
settings the app starts with: the settings module is read with that environment, and a
production-like combination runs `manage.py check --deploy` for real. (CACHE_URL's forms
start real processes in test_cache_url.py.)"""

import os
import runpy
from pathlib import Path

import pytest

from tests.test_security import PRODUCTION_ENV, _manage

SETTINGS = Path(__file__).resolve().parent.parent / "kumamoto_portal" / "settings.py"
BASE = {"ENV_FILE": os.devnull, "SECRET_KEY": "environment-forms-test-key"}

FORMS = [
    ("ALLOWED_HOSTS", "portal.example.jp", "ALLOWED_HOSTS", ["portal.example.jp"]),
    ("ALLOWED_HOSTS", "portal.example.jp,.example.jp", "ALLOWED_HOSTS", ["portal.example.jp", ".example.jp"]),
    ("SITE_URL", "https://portal.example.jp/", "SITE_URL", "https://portal.example.jp"),
    ("SITE_URL", "http://127.0.0.1:8000", "SITE_URL", "http://127.0.0.1:8000"),
    ("DATABASE_URL", "sqlite:////tmp/portal.sqlite3", "DATABASES", "django.db.backends.sqlite3"),
    ("DATABASE_URL", "postgres://portal:pass@db:5432/portal", "DATABASES", "django.db.backends.postgresql"),
    ("DATABASE_URL", "postgresql://portal@db/portal", "DATABASES", "django.db.backends.postgresql"),
    ("DATABASE_URL", "postgres://portal@db:5432/portal?sslmode=require", "DATABASES", "django.db.backends.postgresql"),
    ("CONN_MAX_AGE", "0", "DATABASES", "django.db.backends.sqlite3"),
    ("PAGE_CACHE_SECONDS", "0", "PAGE_CACHE_SECONDS", 0),
    ("PAGE_CACHE_SECONDS", "300", "PAGE_CACHE_SECONDS", 300),
    ("PAGE_CACHE_GRACE_SECONDS", "0", "PAGE_CACHE_GRACE_SECONDS", 0),
    ("DB_CONNECT_TIMEOUT", "5", "DATABASES", "django.db.backends.sqlite3"),
    ("DATABASE_RETRY_SECONDS", "0.5", "DATABASE_RETRY_SECONDS", 0.5),
    ("HTTPS", "on", "SECURE_SSL_REDIRECT", True),
    ("HTTPS", "true", "SECURE_SSL_REDIRECT", True),
    ("HTTPS", "1", "SECURE_SSL_REDIRECT", True),
    ("HTTPS", "off", "SECURE_SSL_REDIRECT", False),
    ("TRUST_X_FORWARDED_PROTO", "on", "SECURE_PROXY_SSL_HEADER", ("HTTP_X_FORWARDED_PROTO", "https")),
    (
        "CSRF_TRUSTED_ORIGINS",
        "https://a.example.jp,https://b.example.jp",
        "CSRF_TRUSTED_ORIGINS",
        ["https://a.example.jp", "https://b.example.jp"],
    ),
    ("SECURE_HSTS_PRELOAD", "off", "SECURE_HSTS_PRELOAD", False),
    ("SILENCED_SYSTEM_CHECKS", "security.W021", "SILENCED_SYSTEM_CHECKS", ["security.W021"]),
    ("DEBUG", "off", "DEBUG", False),
    ("DEBUG", "on", "DEBUG", True),
    ("LOG_LEVEL", "INFO", "LOGGING", "INFO"),
    ("AXES_FAILURE_LIMIT", "10", "AXES_FAILURE_LIMIT", 10),
    ("AXES_COOLOFF_TIME", "0.5", "AXES_COOLOFF_TIME", 0.5),
    ("TRUSTED_PROXY_COUNT", "2", "TRUSTED_PROXY_COUNT", 2),
    ("STAFF_SESSION_HOURS", "8", "SESSION_COOKIE_AGE", 8 * 3600),
    ("STAFF_SESSION_HOURS", "0.5", "SESSION_COOKIE_AGE", 1800),
    ("CACHE_URL", "redis://cache:6379", "CACHES", "kumamoto_portal.serving.rediscache.RedisCache"),
    ("CACHE_URL", "locmemcache://", "CACHES", "django.core.cache.backends.locmem.LocMemCache"),
]


def read_settings(monkeypatch, **environment: str) -> dict:
    for name in {name for name, *_ in FORMS} | {"SECRET_KEY"}:
        monkeypatch.delenv(name, raising=False)
    for name, value in {**BASE, **environment}.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS))


@pytest.mark.parametrize(("name", "value", "setting", "expected"), FORMS, ids=[f"{f[0]}={f[1]}" for f in FORMS])
def test_each_documented_form_gives_working_settings(monkeypatch, name, value, setting, expected):
    read = read_settings(monkeypatch, **{name: value})[setting]
    if setting == "DATABASES":
        read = read["default"]["ENGINE"]
    elif setting == "CACHES":
        read = read["default"]["BACKEND"]
    elif setting == "LOGGING":
        read = read["root"]["level"]
    assert read == expected


def test_a_production_combination_passes_the_deploy_check():
    env = {
        **PRODUCTION_ENV,
        "DATABASE_URL": "postgres://portal:pass@127.0.0.1:5432/portal?sslmode=prefer",
        "CACHE_URL": "redis://:secret@127.0.0.1:6379/5?key_prefix=portal",
        "TRUST_X_FORWARDED_PROTO": "on",
        "TRUSTED_PROXY_COUNT": "1",
        "CSRF_TRUSTED_ORIGINS": "https://portal.example.jp",
        "STAFF_SESSION_HOURS": "4",
        "PAGE_CACHE_SECONDS": "120",
    }
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
