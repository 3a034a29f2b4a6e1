"""Small tools for the gettext catalogues (coach/locale), beside scripts/i18n.

    python scripts/po_tool.py missing PO        list messages with no translation
    python scripts/po_tool.py merge BASE OURS THEIRS
        a git merge driver: the union of both sides' messages, written to OURS.
        Two branches that each add messages (the usual case) merge with no conflict;
        a message both sides translated differently keeps ours, and is reported.

Install the driver once per clone (scripts/test does it):
    git config merge.po-union.driver "python3 scripts/po_tool.py merge %O %A %B"
with `*.po merge=po-union` in .gitattributes. It needs only the standard library,
so it runs before the project's .venv exists.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

_ENTRY_SPLIT = re.compile(r"\n\s*\n")


def _entries(text: str) -> tuple[str, dict[tuple[str, str, str], str]]:
    """(header block, {(msgctxt, msgid, msgid_plural): entry text}) of a .po file."""
    blocks = [b for b in _ENTRY_SPLIT.split(text.strip("\n")) if b.strip()]
    header = ""
    entries: dict[tuple[str, str, str], str] = {}
    for block in blocks:
        key = _key(block)
        if key == ("", "", ""):
            header = block
        elif not all(line.startswith("#~") or not line.strip() for line in block.splitlines()):
            entries[key] = block
    return header, entries


def _field(block: str, name: str) -> str:
    """The joined string value of `name` (msgid, msgctxt, msgid_plural) in one entry."""
    lines = block.splitlines()
    for i, line in enumerate(lines):
        if line.startswith(name + ' "'):
            parts = [line[len(name) + 1 :].strip()[1:-1]]
            for following in lines[i + 1 :]:
                if not following.startswith('"'):
                    break
                parts.append(following.strip()[1:-1])
            return "".join(parts)
    return ""


def _key(block: str) -> tuple[str, str, str]:
    return _field(block, "msgctxt"), _field(block, "msgid"), _field(block, "msgid_plural")


def _translated(block: str) -> bool:
    if "#, fuzzy" in block:
        return False
    strs = re.findall(r'^msgstr(?:\[\d+\])? "(.*)"((?:\n".*")*)', block, flags=re.M)
    return bool(strs) and all(first or rest.strip('\n"') for first, rest in strs)


def merge(base: Path, ours: Path, theirs: Path) -> int:
    _, base_entries = _entries(base.read_text(encoding="utf-8"))
    header, our_entries = _entries(ours.read_text(encoding="utf-8"))
    _, their_entries = _entries(theirs.read_text(encoding="utf-8"))
    merged = dict(our_entries)
    for key, their in their_entries.items():
        our = merged.get(key)
        if our is None or our == their:
            merged[key] = their if our is None else our
        elif our == base_entries.get(key) or (not _translated(our) and _translated(their)):
            merged[key] = their
        elif their != base_entries.get(key) and _translated(their):
            print(f"po-union: kept our translation of {key[1]!r}", file=sys.stderr)
    body = [merged[key] for key in sorted(merged, key=lambda k: (k[1], k[0], k[2]))]
    ours.write_text("\n\n".join([header, *body]) + "\n", encoding="utf-8")
    return 0


def missing(po: Path) -> int:
    _, entries = _entries(po.read_text(encoding="utf-8"))
    untranslated = [key[1] for key, block in entries.items() if not _translated(block)]
    for msgid in untranslated:
        print(msgid)
    print(f"{len(untranslated)} of {len(entries)} messages have no translation", file=sys.stderr)
    return 1 if untranslated else 0


if __name__ == "__main__":
    command, *paths = sys.argv[1:]
    if command == "merge":
        sys.exit(merge(*(Path(p) for p in paths)))
    if command == "missing":
        sys.exit(missing(Path(paths[0])))
    sys.exit(f"unknown command {command!r}")
