"""The language the app speaks: gettext catalogues, and which one is in use.

Every word the app shows or writes goes through `_` (or `ngettext` / `pgettext`); the
message ids are the English text, so English needs no catalogue of its own and an
untranslated message falls back to English rather than to nothing.

Strings defined at import time (module constants, labels in tables) are marked with
`N_` so Babel extracts them, and translated where they are shown with `_(constant)`:
translating at import would freeze them in the language of the first visitor.

The language in use is a context variable: the CLI and tests set it with `speaking`,
and the UI registers `set_language_source` so that a page run, a fragment rerun or a
callback all read the candidate's choice without every domain function taking a
`lang` argument. The domain never imports Streamlit: the source is a plain callable.

Catalogues live in `coach/locale/<lang>/LC_MESSAGES/coach.po`. They are compiled at
first use, in memory, from the `.po` file (a compiled `.mo` beside it is used when it
is at least as new, as in a built wheel): an edited `.po` takes effect on the next
start with no build step to forget.
"""

from __future__ import annotations

import contextlib
import gettext
import io
import threading
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from pathlib import Path

DOMAIN = "coach"
LOCALE_DIR = Path(__file__).with_name("locale")

ENGLISH = "en"
CHINESE = "zh_CN"
# The languages the app speaks, each named in its own language (how a language
# picker should name them: a reader finds their own language whatever the current one).
LANGUAGES: dict[str, str] = {ENGLISH: "English", CHINESE: "简体中文"}
DEFAULT = ENGLISH

_chosen: ContextVar[str | None] = ContextVar("coach_language", default=None)
_source: Callable[[], str | None] | None = None

_catalogues: dict[str, gettext.NullTranslations] = {}
_catalogue_lock = threading.Lock()


# --- Which language -----------------------------------------------------------


def current() -> str:
    """The language in use: one set with `speaking`, else the UI's source, else English."""
    lang = _chosen.get()
    if lang is None and _source is not None:
        lang = _source()
    return lang if lang in LANGUAGES else DEFAULT


def set_language_source(source: Callable[[], str | None] | None) -> None:
    """Where `current()` looks when no `speaking` block is active (the UI's session)."""
    global _source
    _source = source


@contextlib.contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Everything inside the block is said in `lang` (a key of LANGUAGES)."""
    if lang not in LANGUAGES:
        raise ValueError(f"Unknown language {lang!r}: choose one of {', '.join(LANGUAGES)}.")
    token = _chosen.set(lang)
    try:
        yield
    finally:
        _chosen.reset(token)


def is_chinese() -> bool:
    return current() == CHINESE


def from_locale(tag: str | None) -> str:
    """The language for a browser or system locale tag: 'zh-CN', 'zh_Hans', 'zh' -> zh_CN.

    Any Chinese locale gets Simplified Chinese (the only Chinese the app has: a reader
    of Traditional reads it far better than English); anything else gets English.
    """
    if not tag:
        return DEFAULT
    primary = tag.replace("_", "-").split("-")[0].strip().lower()
    return CHINESE if primary == "zh" else DEFAULT


# --- Translating ----------------------------------------------------------------


def N_(message: str) -> str:  # noqa: N802 (gettext's conventional name)
    """Mark a string for extraction without translating it (translate where it is shown)."""
    return message


def _(message: str) -> str:
    """`message` in the language in use (English when it has no translation)."""
    if not message:
        return message
    return catalogue(current()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message for the count `n` (Chinese has one form for every count)."""
    return catalogue(current()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """`message` translated in `context`: for one English word that needs two translations."""
    return catalogue(current()).pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return catalogue(current()).npgettext(context, singular, plural, n)


# --- Catalogues -------------------------------------------------------------------


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(lang: str) -> Path:
    return po_path(lang).with_suffix(".mo")


def catalogue(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of `lang`, built once per process."""
    found = _catalogues.get(lang)
    if found is not None:
        return found
    with _catalogue_lock:
        found = _catalogues.get(lang)
        if found is None:
            found = _load(lang)
            _catalogues[lang] = found
    return found


def forget_catalogues() -> None:
    """Drop compiled catalogues, so an edited `.po` is read again (tests, tooling)."""
    with _catalogue_lock:
        _catalogues.clear()


def _load(lang: str) -> gettext.NullTranslations:
    po, mo = po_path(lang), mo_path(lang)
    if lang == ENGLISH or not po.exists():
        return gettext.NullTranslations()
    if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
        with mo.open("rb") as fp:
            return gettext.GNUTranslations(fp)
    return gettext.GNUTranslations(io.BytesIO(compile_po(po)))


def compile_po(po: Path) -> bytes:
    """The `.mo` bytes of a `.po` file (Babel's compiler; fuzzy entries are left out)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as fp:
        catalog = read_po(fp)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()
