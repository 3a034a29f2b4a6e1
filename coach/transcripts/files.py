"""An uploaded transcript's bytes as text, or one sentence that says why not.

Transcripts are UTF-8 text (Zoom, Teams, Meet and subtitle tools all write it). A file
that is not, is refused with what it looks like and how to fix it, never guessed at:
a wrong guess would turn every answer into mojibake without a word.
"""

from __future__ import annotations

import codecs
import re

from coach.errors import InvalidInput

# A 90-minute call is about 200 KB of WebVTT; a whole day of calls stays under 2 MB.
FILE_LIMIT = 5 * 1024 * 1024

# Magic numbers of files people pick by mistake: the recording, a document, an archive.
_KINDS = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a Word document or a zip archive",
    b"\xd0\xcf\x11\xe0": "an old Word or Excel document",
    b"{\\rtf": "a rich-text (RTF) document",
    b"ID3": "an audio file",
    b"RIFF": "an audio or video file",
    b"OggS": "an audio file",
    b"fLaC": "an audio file",
    b"\x1aE\xdf\xa3": "a video file",
    b"\x89PNG": "an image",
    b"\xff\xd8\xff": "an image",
    b"GIF8": "an image",
}
_UTF16 = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_UTF32 = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_HAN = re.compile(r"[\u4e00-\u9fff]")

SAVE_AS_UTF8 = "Open it in a text editor, save it with the encoding “UTF-8”, and import that file."
EXPORT_AGAIN = (
    "Export the call's transcript as a .vtt, .srt or .txt file (in Zoom, Teams or Meet: "
    "the transcript's download button) and import that."
)


def decode(data: bytes) -> str:
    """The transcript's text (UTF-8, a byte-order mark dropped, line ends as \\n)."""
    size = len(data)
    if size > FILE_LIMIT:
        raise InvalidInput(
            f"That file is {size / 1_048_576:,.1f} MB; a transcript is text, and even a "
            f"whole day of calls stays under {FILE_LIMIT // 1_048_576} MB. Is it the "
            f"recording rather than its transcript? {EXPORT_AGAIN}"
        )
    if not data.strip():
        raise InvalidInput(f"That file is empty: it holds no transcript. {EXPORT_AGAIN}")
    for magic, kind in _KINDS.items():
        if data.startswith(magic):
            raise InvalidInput(f"That file is {kind}, not a transcript. {EXPORT_AGAIN}")
    if data.startswith(_UTF32) or data.startswith(_UTF16) or _looks_like_utf16(data):
        raise InvalidInput(
            "That file is saved as UTF-16 text, which Interview Coach does not read. "
            + SAVE_AS_UTF8
        )
    if b"\x00" in data:
        raise InvalidInput(f"That file holds binary data, not a transcript. {EXPORT_AGAIN}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(_not_utf8(data)) from None
    if len(_CONTROL.findall(text[:20_000])) > 20:
        raise InvalidInput(f"That file holds binary data, not a transcript. {EXPORT_AGAIN}")
    return text.replace("\r\n", "\n").replace("\r", "\n")


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
        return (
            "That file looks like Chinese text saved as GB18030 (or GBK), which Interview "
            "Coach does not read. " + SAVE_AS_UTF8
        )
    return (
        "That file is not UTF-8 text (it may be saved as Windows-1252, Latin-1 or another "
        "encoding), which Interview Coach does not read. " + SAVE_AS_UTF8
    )
