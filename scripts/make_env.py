"""Write a local, git-ignored .env with a fresh SECRET_KEY (used by `make run`/`make test`)."""

import secrets
import sys
from pathlib import Path

path = Path(__file__).resolve().parent.parent / ".env"
if path.exists():
    sys.exit(0)
path.write_text(
    "# Local settings written by scripts/make_env.py. Never commit this file.\n"
    f"SECRET_KEY={secrets.token_urlsafe(50)}\n"
    "DEBUG=off\n"
    "ALLOWED_HOSTS=127.0.0.1,localhost\n",
    encoding="utf-8",
)
path.chmod(0o600)
print(f"{path.name} を作成しました(ローカル用の SECRET_KEY を生成)。")
