"""An uploaded transcript's bytes as text, or one sentence that says why not.

Transcripts are UTF-8 text (Zoom, Teams, Meet and subtitle tools all write it). A file
that is not, is refused with what it looks like and how to fix it, never guessed at:
a wrong guess would turn every answer into mojibake without a word.
"""

from __future__ import annotations

import codecs
import re

from coach.errors import InvalidInput
from coach.i18n import N_, _

# A 90-minute call is about 200 KB of WebVTT; a whole day of calls stays under 2 MB.
FILE_LIMIT = 5 * 1024 * 1024

# Magic numbers of files people pick by mistake: the recording, a document, an archive.
_KINDS = {
    b"%PDF": N_("That file is a PDF document, not a transcript. {how}"),
    b"PK\x03\x04": N_("That file is a Word document or a zip archive, not a transcript. {how}"),
    b"\xd0\xcf\x11\xe0": N_("That file is an old Word or Excel document, not a transcript. {how}"),
    b"{\\rtf": N_("That file is a rich-text (RTF) document, not a transcript. {how}"),
    b"ID3": N_("That file is an audio file, not a transcript. {how}"),
    b"RIFF": N_("That file is an audio or video file, not a transcript. {how}"),
    b"OggS": N_("That file is an audio file, not a transcript. {how}"),
    b"fLaC": N_("That file is an audio file, not a transcript. {how}"),
    b"\x1aE\xdf\xa3": N_("That file is a video file, not a transcript. {how}"),
    b"\x89PNG": N_("That file is an image, not a transcript. {how}"),
    b"\xff\xd8\xff": N_("That file is an image, not a transcript. {how}"),
    b"GIF8": N_("That file is an image, not a transcript. {how}"),
}
_UTF16 = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_UTF32 = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_HAN = re.compile(r"[\u4e00-\u9fff]")

SAVE_AS_UTF8 = N_(
    "Open it in a text editor, save it with the encoding “UTF-8”, and import that file."
)
EXPORT_AGAIN = N_(
    "Export the call's transcript as a .vtt, .srt or .txt file (in Zoom, Teams or Meet: "
    "the transcript's download button) and import that."
)


def decode(data: bytes) -> str:
    """The transcript's text (UTF-8, a byte-order mark dropped, line ends as \\n)."""
    size = len(data)
    if size > FILE_LIMIT:
        raise InvalidInput(
            _(
                "That file is {size} MB; a transcript is text, and even a whole day of calls "
                "stays under {limit} MB. Is it the recording rather than its transcript? {how}"
            ).format(
                size=f"{size / 1_048_576:,.1f}",  # the same in both languages
                limit=FILE_LIMIT // 1_048_576,
                how=_(EXPORT_AGAIN),
            )
        )
    if not data.strip():
        raise InvalidInput(
            _("That file is empty: it holds no transcript. {how}").format(how=_(EXPORT_AGAIN))
        )
    for magic, message in _KINDS.items():
        if data.startswith(magic):
            raise InvalidInput(_(message).format(how=_(EXPORT_AGAIN)))
    if data.startswith(_UTF32) or data.startswith(_UTF16) or _looks_like_utf16(data):
        raise InvalidInput(
            _("That file is saved as UTF-16 text, which Interview Coach does not read. {how}")
            .format(how=_(SAVE_AS_UTF8))
        )  # fmt: skip
    if b"\x00" in data:
        raise InvalidInput(_(_BINARY).format(how=_(EXPORT_AGAIN)))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(_not_utf8(data)) from None
    if len(_CONTROL.findall(text[:20_000])) > 20:
        raise InvalidInput(_(_BINARY).format(how=_(EXPORT_AGAIN)))
    return text.replace("\r\n", "\n").replace("\r", "\n")


_BINARY = N_("That file holds binary data, not a transcript. {how}")


def _looks_like_utf16(data: bytes) -> bool:
    # UTF-16 without a byte-order mark: every other byte of Latin text is a NUL.
    sample = data[:400]
    return len(sample) >= 8 and (
        sample[1::2].count(0) > len(sample) // 3 or sample[0::2].count(0) > len(sample) // 3
    )


def _not_utf8(data: bytes) -> str:
    try:
        chinese = len(_HAN.findall(data.decode("gb18030"))) > 10
    except UnicodeDecodeError:
        chinese = False
    if chinese:
        return _(
            "That file looks like Chinese text saved as GB18030 (or GBK), which Interview "
            "Coach does not read. {how}"
        ).format(how=_(SAVE_AS_UTF8))
    return _(
        "That file is not UTF-8 text (it may be saved as Windows-1252, Latin-1 or another "
        "encoding), which Interview Coach does not read. {how}"
    ).format(how=_(SAVE_AS_UTF8))
