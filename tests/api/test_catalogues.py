"""Every message a client can get exists in every language."""

import re
from pathlib import Path

from resolvers.i18n import CATALOGUES
from settings import SUPPORTED_LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
RAISED = re.compile(r'DomainError\(\s*"([A-Z_]+)"|message_key="([A-Z_]+)"|code = "([A-Z_]+)"')


def message_keys_in_code() -> set[str]:
    keys = set()
    for path in [*ROOT.glob("resolvers/**/*.py"), *ROOT.glob("schema/*.py")]:
        for match in RAISED.finditer(path.read_text(encoding="utf-8")):
            keys.add(next(group for group in match.groups() if group))
    return keys


def test_every_language_has_the_same_messages():
    assert set(CATALOGUES) >= {"en", "tr"}
    english = set(CATALOGUES["en"])
    for language, catalogue in CATALOGUES.items():
        assert set(catalogue) == english, language


def test_every_message_the_code_raises_is_translated():
    keys = message_keys_in_code() - {"WEAK_PASSWORD"}  # said through its reasons' keys
    assert keys, "the pattern found nothing: it is out of date"
    missing = {key for key in keys if key not in CATALOGUES["en"]}
    assert missing == set()
    assert "INTERNAL_ERROR" in CATALOGUES["tr"]


def test_every_catalogue_is_a_supported_language():
    catalogues = {path.stem for path in (ROOT / "resolvers" / "locales").glob("*.po")}
    assert catalogues == set(SUPPORTED_LANGUAGES)
