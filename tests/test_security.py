"""Security headers on every HTML response and the production settings check."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "ENV_FILE": os.devnull,
    "SECRET_KEY": "x9" * 20 + "production-like-key-for-the-check-only",
    "ALLOWED_HOSTS": "portal.example.jp",
    "SITE_URL": "https://portal.example.jp",
    "HTTPS": "on",
    "DEBUG": "off",
}

# Dropped from the inherited environment so the subprocess sees production values.
_OVERRIDDEN = {"SECRET_KEY", "DEBUG", "HTTPS", "ALLOWED_HOSTS", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "SITE_URL"}


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in _OVERRIDDEN}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env={**clean, **env}, capture_output=True, text=True
    )


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/accessibility/", "/no-such-page"])
def test_every_html_response_carries_a_strict_csp(client, url):
    response = client.get(url)
    csp = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "style-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "http" not in csp  # no external origin


@pytest.mark.django_db
def test_responses_forbid_sniffing_framing_and_leaking_referrers(client):
    response = client.get("/")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_deploy_check_passes_with_production_values():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr


def test_deploy_check_fails_without_https():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env={**PRODUCTION_ENV, "HTTPS": "off"})
    assert result.returncode != 0
    assert "SECURE_SSL_REDIRECT" in result.stdout + result.stderr


def test_there_is_no_default_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_settings_turn_on_secure_cookies_and_hsts():
    script = (
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.DEBUG)"
    )
    result = _manage("shell", "--no-imports", "-c", script, env=PRODUCTION_ENV)
    assert result.stdout.split() == ["True", "True", "True", "31536000", "False"], result.stderr


def test_postgresql_connections_persist():
    script = "from django.conf import settings as s; d = s.DATABASES['default']; print(d['CONN_MAX_AGE'] > 0)"
    env = {**PRODUCTION_ENV, "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/unused"}
    result = _manage("shell", "--no-imports", "-c", script, env=env)
    assert result.stdout.strip() == "True", result.stderr


def test_site_url_and_trusted_proxies_are_read_from_the_environment():
    script = "from django.conf import settings as s; print(s.SITE_URL, s.TRUSTED_PROXY_COUNT)"
    env = {**PRODUCTION_ENV, "SITE_URL": "https://portal.example.jp/", "TRUSTED_PROXY_COUNT": "2"}
    result = _manage("shell", "--no-imports", "-c", script, env=env)
    assert result.stdout.split() == ["https://portal.example.jp", "2"], result.stderr
    assert _manage("check", env={**PRODUCTION_ENV, "SITE_URL": "portal.example.jp"}).returncode != 0
