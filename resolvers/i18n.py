"""Translation catalogues (gettext .po files in locales/) and the languages they support."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from babel import Locale
from babel.messages.pofile import read_po

from settings import SUPPORTED_LANGUAGES as SUPPORTED_LANGUAGES

LOCALES_DIR = Path(__file__).parent / "locales"
FALLBACK_LANGUAGE = "en"


def _load_catalogues() -> dict[str, dict[str, str]]:
    catalogues: dict[str, dict[str, str]] = {}
    for code in SUPPORTED_LANGUAGES:
        with (LOCALES_DIR / f"{code}.po").open("rb") as handle:
            catalogue = read_po(handle, locale=code)
        catalogues[code] = {
            str(message.id): str(message.string)
            for message in catalogue
            if message.id and message.string
        }
    return catalogues


CATALOGUES = _load_catalogues()


def language_name(code: str) -> str:
    """A language's name in that language, as a language picker shows it ('Türkçe')."""
    name = Locale.parse(code).get_display_name(code) or code
    return name[:1].upper() + name[1:]


def negotiate_language(accept_language: str | None) -> str | None:
    """The best supported language of an Accept-Language header, or None."""
    if not accept_language:
        return None
    ranked = []
    for part in accept_language.split(","):
        tag, _, quality = part.strip().partition(";q=")
        try:
            weight = float(quality) if quality else 1.0
        except ValueError:
            continue
        ranked.append((weight, tag.strip().lower().split("-")[0]))
    for _, tag in sorted(ranked, key=lambda pair: -pair[0]):
        if tag in CATALOGUES:
            return tag
    return None


def translate(language: str, key: str, **params: Any) -> str:
    """The message `key` in `language` (English when it lacks one), with params filled in."""
    text = CATALOGUES.get(language, {}).get(key) or CATALOGUES[FALLBACK_LANGUAGE].get(key, key)
    try:
        return text.format(**params) if params else text
    except (KeyError, IndexError, ValueError):
        return text
