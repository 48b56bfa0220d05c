"""What a notification says, in the recipient's language: templates/<language>/.

`events.toml` gives each notification event a title and a body; `<name>.txt` (its first line
is `Subject: ...`) and `<name>.html` are the e-mails. Placeholders are `${name}`; a value the
producer did not give stays empty, and values are HTML-escaped in the HTML part.
"""

from __future__ import annotations

import functools
import html
import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TEMPLATES_DIR = Path(__file__).parent / "templates"
FALLBACK_LANGUAGE = "en"


@dataclass(frozen=True)
class Mail:
    subject: str
    text: str
    html: str


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""


def _fill(template: str, values: Mapping[str, Any], *, escape: bool = False) -> str:
    clean = _Blank({k: html.escape(str(v)) if escape else str(v) for k, v in values.items()})
    return string.Template(template).substitute(clean)


def _language(language: str | None) -> str:
    return language if language and (TEMPLATES_DIR / language).is_dir() else FALLBACK_LANGUAGE


@functools.cache
def _events(language: str) -> dict[str, dict[str, str]]:
    with (TEMPLATES_DIR / language / "events.toml").open("rb") as handle:
        return tomllib.load(handle)


@functools.cache
def _template(language: str, name: str) -> str:
    return (TEMPLATES_DIR / language / name).read_text(encoding="utf-8")


def event_texts(event: str, language: str | None, values: Mapping[str, Any]) -> tuple[str, str]:
    """The title and body of a notification event, in `language`."""
    texts = _events(_language(language)).get(event) or _events(FALLBACK_LANGUAGE)[event]
    title = _fill(texts["title"], values).strip()
    body = _fill(texts["body"], values).strip()
    return title[:200], body


def mail(name: str, language: str | None, values: Mapping[str, Any]) -> Mail:
    """The e-mail `name` (invitation, password_changed, new_login, notification)."""
    language = _language(language)
    text = _fill(_template(language, f"{name}.txt"), values)
    first, _, rest = text.partition("\n")
    return Mail(
        subject=first.removeprefix("Subject:").strip(),
        text=rest.lstrip("\n"),
        html=_fill(_template(language, f"{name}.html"), values, escape=True),
    )
