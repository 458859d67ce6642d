"""Settings of the portal: one module, every value from the environment.

Local runs read a git-ignored `.env` next to manage.py (`make run` writes one
with a fresh SECRET_KEY). Production sets the same variables in the process
environment; see README "本番環境 / Production".
"""

from pathlib import Path

import environ
from csp.constants import NONE, SELF

from kumamoto_portal.lib.cacheurl import cache_config

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# Values already in the process environment win over the file.
environ.Env.read_env(env.str("ENV_FILE", default=str(BASE_DIR / ".env")))

# --- Core -------------------------------------------------------------------
SECRET_KEY = env.str("SECRET_KEY")  # no default on purpose: fail loudly
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# The site's own address (e.g. https://portal.example.jp): absolute URLs in pages, the
# sitemap, robots.txt, .ics and CSV are built from it, never from the Host header.
SITE_URL = env.str("SITE_URL", default="").rstrip("/")

INSTALLED_APPS = [
    "kumamoto_portal.staff",  # before auth: its createsuperuser applies the password policy
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "simple_history",
    "kumamoto_portal.apps.AxesConfig",  # django-axes, named in Japanese
    # First of the project's apps: its sources are loaded before the content that cites them.
    "kumamoto_portal",
    "areas",
    "libraries",
    "counseling",
    "notices",
]

MIDDLEWARE = [
    "kumamoto_portal.serving.middleware.HeadWithoutBodyMiddleware",
    # Outermost of the rest, so that every answer carries them, error pages made
    # by an inner middleware included (e.g. the 400 for a refused Host header).
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Public pages answer GET and HEAD only (405 otherwise); the admin is exempt.
    "kumamoto_portal.serving.middleware.PublicMethodsMiddleware",
    "kumamoto_portal.serving.middleware.RefuseNulMiddleware",
    "kumamoto_portal.serving.middleware.AdminNeedsDatabaseMiddleware",
    # Outside GZip and ConditionalGet: a copy is stored compressed, and answers 304 itself.
    "kumamoto_portal.serving.pagecache.PageCacheMiddleware",
    # Pages travel compressed, and a phone that has a page already gets a bodiless 304.
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kumamoto_portal.urls"
WSGI_APPLICATION = "kumamoto_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kumamoto_portal.serving.printing.print_context",
                "kumamoto_portal.serving.lastmod.page_context",
                "kumamoto_portal.serving.operator.site_context",
                "notices.context.urgent_notices",
            ],
            "builtins": ["django.templatetags.static", "kumamoto_portal.templatetags.portal"],
        },
    },
]

# --- Database -----------------------------------------------------------------
# SQLite by default so that a fresh checkout just works; PostgreSQL in
# production via DATABASE_URL, e.g. postgres://user:pass@host:5432/portal
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
# Persistent connections: a new one per request costs ~9x throughput on PostgreSQL
# (see TOOLING.md) and halves it on SQLite, where every page reads the content version.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=600)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that does not answer costs a request at most this many seconds (then a 503).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", env.int("DB_CONNECT_TIMEOUT", default=2)
    )
# After a failed connection, a process answers from the page cache (or with a quick 503)
# for this many seconds before it tries the database again (kumamoto_portal/serving/outage.py).
DATABASE_RETRY_SECONDS = env.float("DATABASE_RETRY_SECONDS", default=2.0)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Public pages are cached whole (kumamoto_portal/serving/pagecache.py) and dropped on any
# content edit. The default cache lives in each process; CACHE_URL may name a
# shared one (redis://host:6379/1, Django's own Redis backend with redis-py and
# hiredis). PAGE_CACHE_SECONDS=0 turns page caching off.
# Every documented form of CACHE_URL (redis://, rediss://, unix://, with or without a
# query string, password or db number): kumamoto_portal/lib/cacheurl.py.
CACHES = {"default": cache_config(env.str("CACHE_URL", default="locmemcache://"))}
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=60)
# While the database cannot be reached, cached pages are served this long past their lifetime.
PAGE_CACHE_GRACE_SECONDS = env.int("PAGE_CACHE_GRACE_SECONDS", default=24 * 60 * 60)

# Login attempts are throttled (django-axes): after AXES_FAILURE_LIMIT failures for one
# username from one address, that pair is locked out for AXES_COOLOFF_TIME hours.
# The record lives in the database, so every app server sees the same lockouts.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_TIME", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "errors/locked_out.html"
# Behind a load balancer every request comes from its address. TRUSTED_PROXY_COUNT=N
# (the number of proxies in front of the app) makes the throttle key on the client
# address that the proxies put in X-Forwarded-For; unset, the header is ignored.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "kumamoto_portal.serving.clientip.client_ip"
# Signing in without ?next= leads to the admin, not to /accounts/profile/ (a 404).
LOGIN_URL = "admin:login"
LOGIN_REDIRECT_URL = "admin:index"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Language and time ----------------------------------------------------------
LANGUAGE_CODE = "ja"
# Japanese for the strings of django-axes and django-simple-history, which ship no ja (make messages).
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGES = [("ja", "日本語")]
TIME_ZONE = "Asia/Tokyo"
USE_I18N = True  # keeps the admin, form errors and date names in Japanese
USE_TZ = True

# --- Static files (whitenoise) ----------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
WHITENOISE_ROOT = BASE_DIR / "public"  # /favicon.ico
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Security -----------------------------------------------------------------------
# HTTPS=on in production behind TLS: secure cookies, redirect, HSTS.
HTTPS = env.bool("HTTPS", default=False)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=HTTPS)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=HTTPS)
if env.bool("TRUST_X_FORWARDED_PROTO", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Staff sessions end when the browser closes, and after STAFF_SESSION_HOURS in any case (a working day).
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = int(env.float("STAFF_SESSION_HOURS", default=8) * 3600)
# Load balancers check /healthz over plain HTTP inside the network: it is not redirected to HTTPS.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
CSRF_FAILURE_VIEW = "kumamoto_portal.site.views.csrf_failure"
SILENCED_SYSTEM_CHECKS = env.list("SILENCED_SYSTEM_CHECKS", default=[])

# Strict policy: only this origin, no inline script or style, no framing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# --- Logging: errors to stderr, where gunicorn's log collector finds them -----------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}
