#!/usr/bin/env python3
"""Benchmark `netexport validate` on large generated catalogs, next to GNU gettext's
`msgfmt --check` on the same strings.

What it does (see benchmarks/README.md):

1. Builds the release netexport (`swift build -c release --product netexport
   --scratch-path .build-release`) unless --no-build.
2. For each size (documents: 100, 250, 500, 1000 by default; --quick: 100 only), generates a
   project in a temporary folder, reproducibly (fixed seed):
   - Locales/en.yaml: the real entries of Locales/en.yaml, then N-1 prefixed copies
     (d0001.overview.heading, ...);
   - Locales/<tag>.yaml for 30 locales: every entry with `source` = the English, `text` = a
     deterministic pseudo-translation that keeps the ICU syntax (argument names, plural and
     date keywords, braces, '#') and the digits, rewrites the letters of the literal text in
     the locale's script, and gives each plural the locale's CLDR categories; about 1 % of
     the entries of the copies carry an injected defect (missing key, empty text, broken
     brace, changed number);
   - po/<tag>.po: the same strings as PO (msgctxt = key, msgid = English, msgstr = text).
3. Runs `netexport validate --project DIR --report json --output FILE` once (exit status
   0 or 1 is success) and `msgfmt --check -o /dev/null` over the 30 PO files with 2 workers,
   measuring wall time and peak RSS (ru_maxrss from os.wait4) of each.
4. Prints throughput, growth against the smallest size, and a comparison table.

Python 3 standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCRATCH = ".build-release"
NETEXPORT = REPO / SCRATCH / "release" / "netexport"
CONTENT = REPO / "Sources" / "NetexportModel" / "Resources" / "neuroendocrine-tumors.yaml"
SOURCE_CATALOG = REPO / "Locales" / "en.yaml"

DEFAULT_SEED = 20250611
DEFAULT_SIZES = [100, 250, 500, 1000]
DEFAULT_DEFECT_RATE = 0.01

# --------------------------------------------------------------------------------------
# Locales: BCP 47 tag, script of the pseudo-translation, CLDR cardinal plural categories
# (ICU 72 / CLDR 42), and a gettext Plural-Forms header.
# --------------------------------------------------------------------------------------

PF_TWO_NE1 = "nplurals=2; plural=(n != 1);"
PF_TWO_GT1 = "nplurals=2; plural=(n > 1);"
PF_ONE = "nplurals=1; plural=0;"
PF_SLAVIC = (
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
)
PF_PL = "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
PF_CS = "nplurals=3; plural=((n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2);"
PF_RO = "nplurals=3; plural=(n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2);"
PF_AR = (
    "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);"
)
PF_HE = "nplurals=3; plural=(n==1 ? 0 : n==2 ? 1 : 2);"

ONE_OTHER = ("one", "other")
ONE_MANY_OTHER = ("one", "many", "other")
SLAVIC = ("one", "few", "many", "other")
OTHER = ("other",)

LOCALES = [
    # tag, script, plural categories, Plural-Forms
    ("es", "latin", ONE_MANY_OTHER, PF_TWO_NE1),
    ("fr", "latin", ONE_MANY_OTHER, PF_TWO_GT1),
    ("de", "latin", ONE_OTHER, PF_TWO_NE1),
    ("pt-BR", "latin", ONE_MANY_OTHER, PF_TWO_GT1),
    ("it", "latin", ONE_MANY_OTHER, PF_TWO_NE1),
    ("nl", "latin", ONE_OTHER, PF_TWO_NE1),
    ("sv", "latin", ONE_OTHER, PF_TWO_NE1),
    ("pl", "latin", SLAVIC, PF_PL),
    ("ru", "cyrillic-ru", SLAVIC, PF_SLAVIC),
    ("uk", "cyrillic-uk", SLAVIC, PF_SLAVIC),
    ("cs", "latin", SLAVIC, PF_CS),
    ("ar", "arabic", ("zero", "one", "two", "few", "many", "other"), PF_AR),
    ("he", "hebrew", ("one", "two", "other"), PF_HE),
    ("zh-Hans", "han", OTHER, PF_ONE),
    ("ja", "kana", OTHER, PF_ONE),
    ("ko", "hangul", OTHER, PF_ONE),
    ("vi", "latin", OTHER, PF_ONE),
    ("th", "thai", OTHER, PF_ONE),
    ("tr", "latin", ONE_OTHER, PF_TWO_NE1),
    ("el", "greek", ONE_OTHER, PF_TWO_NE1),
    ("hu", "latin", ONE_OTHER, PF_TWO_NE1),
    ("ro", "latin", ("one", "few", "other"), PF_RO),
    ("fi", "latin", ONE_OTHER, PF_TWO_NE1),
    ("da", "latin", ONE_OTHER, PF_TWO_NE1),
    ("nb", "latin", ONE_OTHER, PF_TWO_NE1),
    ("id", "latin", OTHER, PF_ONE),
    ("hi", "devanagari", ONE_OTHER, PF_TWO_GT1),
    ("bn", "bengali", ONE_OTHER, PF_TWO_GT1),
    ("fa", "persian", ONE_OTHER, PF_TWO_GT1),
    ("sw", "latin", ONE_OTHER, PF_TWO_NE1),
]

CLDR_ORDER = ("zero", "one", "two", "few", "many", "other")

# Letters a..z of the pseudo-translation, per script. Only precomposed (NFC) characters,
# none that YAML, ICU MessageFormat or netexport's checks treat specially, none whose case
# mapping changes length. Caseless scripts map both cases to the same letter.
SCRIPT_LETTERS = {
    "cyrillic-ru": "абцдефгхийклмнопярстувшжыз",
    "cyrillic-uk": "абцдефґхіїклмнопярстувшщиз",
    "greek": "αβψδεφγηιξκλμνοπθρωτυχωξυζ",  # no sigma: its final form depends on context
    "arabic": "ابتثجحخدذرزسشصضطظعغفقكلمنه",
    "persian": "ابپتجچحخدرزژسشصطعغفقکگلمنو",
    "hebrew": "אבגדהוזחטיכלמנסעפצקרשתאבגד",
    "devanagari": "अआइईउऊएऐओऔकखगघचछजझटठडढतथदध",
    "bengali": "অআইঈউঊএঐওঔকখগঘচছজঝটঠডঢতথদধ",
    "thai": "กขคงจฉชซญดตถทนบปผฝพฟมยรลวส",
    "han": "的一是不了人我在有他这中大来上国个到说们为子和你地出",
    "kana": "あいうえおかきくけこさしすせそたちつてとなにぬねのは",
    "hangul": "가나다라마바사아자차카타파하고노도로모보소오조초코토",
}

# Latin-script locales: accented vowels and a few consonants, varied by locale.
LATIN_OPTIONS = {
    "a": "áàâäãåāăą",
    "e": "éèêëēėęěẽ",
    "i": "íìîïīįĩíì",
    "o": "óòôöõōőøǒ",
    "u": "úùûüūůűųũ",
    "y": "ýÿŷýÿŷýÿŷ",
    "c": "çčćĉċçčćĉ",
    "n": "ñńňņñńňņñ",
    "s": "šśşŝšśşŝš",
    "z": "žźżžźżžźż",
    "r": "řŕŗřŕŗřŕŗ",
    "g": "ğĝġģğĝġģğ",
    "l": "łĺľļłĺľļł",
}


def letter_table(script: str, variant: int) -> dict[str, str]:
    """Maps each ASCII letter to its pseudo-translated letter."""
    table: dict[str, str] = {}
    if script == "latin":
        for letter, options in LATIN_OPTIONS.items():
            mapped = options[variant % len(options)]
            table[letter] = mapped
            table[letter.upper()] = mapped.upper()
        for code in range(ord("a"), ord("z") + 1):
            letter = chr(code)
            table.setdefault(letter, letter)
            table.setdefault(letter.upper(), letter.upper())
    else:
        letters = SCRIPT_LETTERS[script]
        for index in range(26):
            lower, upper = chr(ord("a") + index), chr(ord("A") + index)
            mapped = letters[index]
            table[lower] = mapped
            # Upper case maps to the mapped letter's upper case (the same letter when the
            # script has no case), so lowercasing commutes with the mapping and glossary
            # terms still match inside running text.
            table[upper] = mapped.upper() if len(mapped.upper()) == 1 else mapped
    for source, target in table.items():
        assert len(target) == 1 and target.lower() == table[source.lower()], (script, source, target)
    return table


# --------------------------------------------------------------------------------------
# Reading the real source catalog and the content model's do-not-translate list.
# --------------------------------------------------------------------------------------

YAML_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
    "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0",
    "L": "\u2028", "P": "\u2029",
}


def yaml_unquote(value: str) -> str:
    """Decodes a one-line YAML double-quoted scalar (with its quotes)."""
    assert value.startswith('"') and value.endswith('"'), value
    body, out, i = value[1:-1], [], 0
    while i < len(body):
        char = body[i]
        if char != "\\":
            out.append(char)
            i += 1
            continue
        code = body[i + 1]
        width = {"x": 2, "u": 4, "U": 8}.get(code)
        if width:
            out.append(chr(int(body[i + 2 : i + 2 + width], 16)))
            i += 2 + width
        else:
            out.append(YAML_ESCAPES[code])
            i += 2
    return "".join(out)


def yaml_quote(text: str) -> str:
    """A YAML double-quoted scalar holding exactly `text` (as netexport's CatalogWriter)."""
    out = ['"']
    special = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\x85": "\\N",
               "\xa0": "\\_", "\u2028": "\\L", "\u2029": "\\P"}
    for char in text:
        if char in special:
            out.append(special[char])
        elif ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F or char == "\ufeff":
            out.append("\\u%04X" % ord(char))
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def po_quote(text: str) -> str:
    """A PO string literal (C escapes)."""
    out = ['"']
    special = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\a": "\\a",
               "\b": "\\b", "\f": "\\f", "\v": "\\v"}
    for char in text:
        if char in special:
            out.append(special[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append("\\%03o" % ord(char))
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


@dataclass
class SourceEntry:
    key: str
    text: str
    note: str | None
    lines: list[str] = field(default_factory=list)  # its field lines, as in the file


def read_source_catalog(path: Path) -> tuple[str, list[SourceEntry]]:
    """The file's text and its entries, for the simple layout of Locales/en.yaml (one
    double-quoted field per line). Fails loudly on anything else."""
    text = path.read_text(encoding="utf-8")
    entries: list[SourceEntry] = []
    in_entries = False
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if not line.startswith(" "):
            in_entries = line.rstrip() == "entries:"
            continue
        if not in_entries:
            raise SystemExit(f"{path}:{number}: unexpected layout for the benchmark's reader")
        match = re.fullmatch(r"  ([A-Za-z0-9._-]+):\s*", line)
        if match:
            entries.append(SourceEntry(match.group(1), "", None))
            continue
        match = re.fullmatch(r"    (text|note): (\".*\")\s*", line)
        if not match or not entries:
            raise SystemExit(f"{path}:{number}: unexpected layout for the benchmark's reader: {line!r}")
        value = yaml_unquote(match.group(2))
        if match.group(1) == "text":
            entries[-1].text = value
        else:
            entries[-1].note = value
        entries[-1].lines.append(line)
    return text, entries


def read_do_not_translate(path: Path) -> list[str]:
    items: list[str] = []
    inside = False
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line.startswith(" ") and not line.startswith("-"):
            inside = line.rstrip() == "do-not-translate:"
            continue
        if inside:
            match = re.fullmatch(r"\s*-\s+(.*?)\s*", line)
            if match:
                value = match.group(1)
                if value.startswith('"'):
                    value = yaml_unquote(value)
                items.append(value)
    return items


# --------------------------------------------------------------------------------------
# Pseudo-translation that keeps ICU MessageFormat syntax intact.
# --------------------------------------------------------------------------------------


class PseudoTranslator:
    def __init__(self, table: dict[str, str], categories: tuple[str, ...], protected: list[str]):
        self.table = table
        self.categories = categories
        # Longest first, so "Mayo Clinic Connect" wins over "Mayo Clinic".
        self.protected = sorted(protected, key=len, reverse=True)
        self.cache: dict[str, str] = {}

    def translate(self, message: str) -> str:
        if message not in self.cache:
            out, end = self._pattern(message, 0, in_plural=False)
            if end != len(message):
                raise ValueError(f"unbalanced '}}' in {message!r}")
            self.cache[message] = out
        return self.cache[message]

    def _literal(self, run: str) -> str:
        """Letters of a literal run, except do-not-translate items and web addresses."""
        out, i = [], 0
        while i < len(run):
            item = next((p for p in self.protected if run.startswith(p, i)), None)
            if item is None and run.startswith(("http://", "https://", "www."), i):
                match = re.match(r"\S+", run[i:])
                item = match.group(0)
            if item is not None:
                out.append(item)
                i += len(item)
                continue
            out.append(self.table.get(run[i], run[i]))
            i += 1
        return "".join(out)

    def _pattern(self, s: str, i: int, in_plural: bool) -> tuple[str, int]:
        """A message pattern from i up to (not including) its closing '}' or the end."""
        out: list[str] = []
        run: list[str] = []

        def flush() -> None:
            if run:
                out.append(self._literal("".join(run)))
                run.clear()

        while i < len(s):
            char = s[i]
            if char == "'" and i + 1 < len(s) and (s[i + 1] in "{}|'" or (in_plural and s[i + 1] == "#")):
                # ICU quoting: '' is an apostrophe; '{...' quotes up to the next lone apostrophe.
                flush()
                if s[i + 1] == "'":
                    out.append("''")
                    i += 2
                    continue
                end = s.find("'", i + 1)
                end = len(s) - 1 if end < 0 else end
                out.append(s[i : end + 1])
                i = end + 1
                continue
            if char == "{":
                flush()
                argument, i = self._argument(s, i)
                out.append(argument)
                continue
            if char == "}":
                break
            run.append(char)
            i += 1
        flush()
        return "".join(out), i

    def _argument(self, s: str, i: int) -> tuple[str, int]:
        """An argument `{name, type, ...}` starting at s[i] == '{'; returns it and the
        index after its closing brace."""
        start = i
        i += 1
        name_end = i
        while name_end < len(s) and s[name_end] not in ",}":
            name_end += 1
        if name_end >= len(s):
            raise ValueError(f"unclosed argument in {s!r}")
        if s[name_end] == "}":
            return s[start : name_end + 1], name_end + 1
        type_end = name_end + 1
        while type_end < len(s) and s[type_end] not in ",}":
            type_end += 1
        kind = s[name_end + 1 : type_end].strip()
        if kind not in ("plural", "selectordinal", "select"):
            # number, date, time, ...: copy up to the matching brace.
            depth, j = 1, i
            while j < len(s) and depth:
                depth += {"{": 1, "}": -1}.get(s[j], 0)
                j += 1
            return s[start:j], j
        head = s[start : type_end + 1]  # "{name, plural,"
        j = type_end + 1
        branches: list[tuple[str, str]] = []
        offset = ""
        while True:
            while j < len(s) and s[j].isspace():
                j += 1
            if j >= len(s):
                raise ValueError(f"unclosed {kind} in {s!r}")
            if s[j] == "}":
                j += 1
                break
            selector_start = j
            while j < len(s) and not s[j].isspace() and s[j] != "{":
                j += 1
            selector = s[selector_start:j]
            if selector.startswith("offset:"):
                offset = selector
                continue
            while s[j].isspace():
                j += 1
            assert s[j] == "{", s
            body, j = self._pattern(s, j + 1, in_plural=kind != "select")
            assert s[j] == "}", s
            j += 1
            branches.append((selector, body))
        if kind == "plural":
            # The locale's CLDR categories: keep a branch the source has, else use 'other'.
            by_selector = dict(branches)
            explicit = [(sel, body) for sel, body in branches if sel.startswith("=")]
            keywords = [(cat, by_selector.get(cat, by_selector["other"])) for cat in CLDR_ORDER
                        if cat in self.categories]
            branches = explicit + keywords
        parts = ([offset] if offset else []) + [f"{sel} {{{body}}}" for sel, body in branches]
        return head + " " + " ".join(parts) + "}", j


# --------------------------------------------------------------------------------------
# Defects, and the findings netexport should report for them.
# --------------------------------------------------------------------------------------

SEPARATORS = set(".,'\u00a0\u202f\u2009\u066b\u066c\u2019")


def numbers_in(text: str) -> list[str]:
    """TextChecks.numbers for ASCII digits."""
    numbers, current, pending = [], "", False
    for char in text:
        if char.isdigit() and char.isascii():
            current += char
            pending = False
        elif current and not pending and char in SEPARATORS:
            pending = True
        else:
            if current:
                numbers.append(current)
            current, pending = "", False
    if current:
        numbers.append(current)
    return numbers


def change_number(text: str, terms: list[str]) -> tuple[str, Counter]:
    """Every occurrence of the text's first number, plus one; the findings it causes.

    `terms` are the locale's translated glossary terms (lowercased): a term with a number
    ("MEN 2") that the change breaks is reported too."""
    first = numbers_in(text)[0]
    changed = re.sub(rf"(?<!\d){first}(?!\d)", str(int(first) + 1), text)
    before, after = numbers_in(text), numbers_in(changed)
    expected = Counter()
    if any(n not in after for n in before):
        expected["number-missing"] += 1
    if any(n not in before for n in after):
        expected["number-added"] += 1
    for term in terms:
        if term in text.lower() and term not in changed.lower():
            expected["glossary-term"] += 1
    return changed, expected


def break_brace(text: str) -> str:
    """Leaves a '{' unmatched: drops the last '}' or opens a brace in the middle."""
    last = text.rfind("}")
    if last >= 0:
        return text[:last] + text[last + 1 :]
    middle = text.find(" ", len(text) // 2)
    middle = len(text) if middle < 0 else middle
    return text[:middle] + " {" + text[middle:]


# --------------------------------------------------------------------------------------
# Generating a project.
# --------------------------------------------------------------------------------------


@dataclass
class Generated:
    documents: int
    project: Path
    po_dir: Path
    locales: list[str]
    yaml_bytes: int
    po_bytes: int
    messages: int  # entries in all catalogs (the source included)
    po_messages: int  # entries in all PO files
    defects: Counter
    expected_findings: Counter
    seconds: float


def prefix(document: int) -> str:
    return "" if document == 0 else f"d{document:04d}."


def generate(root: Path, documents: int, locale_count: int, seed: int, rate: float) -> Generated:
    started = time.perf_counter()
    source_text, source = read_source_catalog(SOURCE_CATALOG)
    protected = read_do_not_translate(CONTENT)
    project = root / "project"
    locales_dir = project / "Locales"
    po_dir = root / "po"
    locales_dir.mkdir(parents=True)
    po_dir.mkdir(parents=True)

    # The source catalog: the real file, then the copies.
    with open(locales_dir / "en.yaml", "w", encoding="utf-8") as out:
        out.write(source_text.rstrip("\n") + "\n")
        for document in range(1, documents):
            out.write("\n")
            pre = prefix(document)
            for entry in source:
                out.write(f"  {pre}{entry.key}:\n")
                out.write("\n".join(entry.lines) + "\n")
    messages = documents * len(source)
    po_messages = 0
    defects: Counter = Counter()
    expected: Counter = Counter()
    chosen = LOCALES[:locale_count]
    for index, (tag, script, categories, plural_forms) in enumerate(chosen):
        translator = PseudoTranslator(letter_table(script, index), categories, protected)
        # Each entry's body lines; the key line is written per document.
        bodies: list[str] = []
        translations: list[str] = []
        for entry in source:
            translated = translator.translate(entry.text)
            translations.append(translated)
            lines = []
            if entry.note is not None:
                lines.append(f"    note: {yaml_quote(entry.note)}")
            lines.append(f"    source: {yaml_quote(entry.text)}")
            lines.append(f"    text: {yaml_quote(translated)}")
            lines.append("    state: translated")
            if translated == entry.text and any(c.isalpha() for c in translated):
                # Only names the document says not to translate: a translator marks it so.
                lines.append("    allow: [untranslated]")
            bodies.append("\n".join(lines) + "\n")
        po_entries = [f"{po_quote(entry.text)}\nmsgstr " for entry in source]
        # The document's glossary terms and abbreviations, as this locale writes them.
        terms = [translations[i].lower() for i, entry in enumerate(source)
                 if re.fullmatch(r"(term|abbr)\.[a-z0-9-]+", entry.key)]
        yaml_out = open(locales_dir / f"{tag}.yaml", "w", encoding="utf-8")
        po_out = open(po_dir / f"{tag}.po", "w", encoding="utf-8")
        yaml_out.write(
            f"# Generated by benchmarks/validate.py (seed {seed}): pseudo-translation, not a real {tag} catalog.\n"
            f"locale: {tag}\nentries:\n"
        )
        po_out.write(
            'msgid ""\nmsgstr ""\n'
            '"Project-Id-Version: netexport benchmark\\n"\n'
            '"Report-Msgid-Bugs-To: \\n"\n'
            '"PO-Revision-Date: 2025-06-11 00:00+0000\\n"\n'
            '"Last-Translator: benchmark <benchmark@example.org>\\n"\n'
            '"Language-Team: benchmark\\n"\n'
            f'"Language: {tag.replace("-", "_")}\\n"\n'
            '"MIME-Version: 1.0\\n"\n'
            '"Content-Type: text/plain; charset=UTF-8\\n"\n'
            '"Content-Transfer-Encoding: 8bit\\n"\n'
            f'"Plural-Forms: {plural_forms}\\n"\n'
        )
        for document in range(documents):
            pre = prefix(document)
            # Defects are drawn per (locale, document), so a smaller size is a prefix of a
            # larger one; the document's own (unprefixed) entries stay clean.
            rng = random.Random(f"{seed}:{tag}:{document}")
            yaml_parts = ["\n"] if document else []
            po_parts = []
            for position, entry in enumerate(source):
                key = pre + entry.key
                body = bodies[position]
                text = translations[position]
                if document and rng.random() < rate:
                    kinds = ["missing-key", "empty-text", "broken-brace"]
                    if numbers_in(text):
                        kinds.append("changed-number")
                    kind = kinds[rng.randrange(len(kinds))]
                    defects[kind] += 1
                    if kind == "missing-key":
                        expected["missing-key"] += 1
                        continue
                    if kind == "empty-text":
                        expected["empty-text"] += 1
                        text = ""
                        body = body.replace(f"    text: {yaml_quote(translations[position])}\n", '    text: ""\n')
                        body = body.replace("state: translated", "state: new")
                    elif kind == "broken-brace":
                        expected["message-syntax"] += 1
                        text = break_brace(text)
                        body = body.replace(
                            f"    text: {yaml_quote(translations[position])}\n", f"    text: {yaml_quote(text)}\n")
                    else:
                        text, found = change_number(text, terms)
                        expected.update(found)
                        body = body.replace(
                            f"    text: {yaml_quote(translations[position])}\n", f"    text: {yaml_quote(text)}\n")
                    po_parts.append(f"\nmsgctxt {po_quote(key)}\nmsgid {po_quote(entry.text)}\nmsgstr {po_quote(text)}\n")
                else:
                    po_parts.append(f"\nmsgctxt {po_quote(key)}\nmsgid {po_entries[position]}{po_quote(text)}\n")
                yaml_parts.append(f"  {key}:\n")
                yaml_parts.append(body)
                messages += 1
                po_messages += 1
            yaml_out.write("".join(yaml_parts))
            po_out.write("".join(po_parts))
        yaml_out.close()
        po_out.close()
    yaml_bytes = sum(path.stat().st_size for path in locales_dir.iterdir())
    po_bytes = sum(path.stat().st_size for path in po_dir.iterdir())
    return Generated(
        documents, project, po_dir, [tag for tag, *_ in chosen], yaml_bytes, po_bytes, messages, po_messages,
        defects, expected, time.perf_counter() - started)


# --------------------------------------------------------------------------------------
# Running and measuring.
# --------------------------------------------------------------------------------------


@dataclass
class Run:
    wall: float
    max_rss_kb: int
    cpu: float  # user + system seconds
    status: int


def cpu_busy(seconds: float = 1.0) -> float | None:
    """The share of CPU time the whole machine spent busy over `seconds` (from /proc/stat),
    to flag runs disturbed by other work; None where /proc/stat is missing."""
    def sample() -> tuple[int, int]:
        fields = [int(v) for v in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
        idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
        return sum(fields), idle
    try:
        total1, idle1 = sample()
        time.sleep(seconds)
        total2, idle2 = sample()
    except OSError:
        return None
    return 1 - (idle2 - idle1) / max(1, total2 - total1)


def spawn(argv: list[str], stdout: Path, stderr: Path) -> int:
    actions = [
        (os.POSIX_SPAWN_OPEN, 0, "/dev/null", os.O_RDONLY, 0),
        (os.POSIX_SPAWN_OPEN, 1, str(stdout), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
        (os.POSIX_SPAWN_OPEN, 2, str(stderr), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
    ]
    return os.posix_spawnp(argv[0], argv, os.environ, file_actions=actions)


def exit_status(status: int) -> int:
    return os.waitstatus_to_exitcode(status)


def run_netexport(binary: Path, generated: Generated, out_dir: Path) -> tuple[Run, dict]:
    report = out_dir / f"netexport-{generated.documents}.json"
    argv = [str(binary), "validate", "--project", str(generated.project), "--report", "json",
            "--output", str(report)]
    started = time.perf_counter()
    pid = spawn(argv, out_dir / "netexport.stdout", out_dir / "netexport.stderr")
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - started
    code = exit_status(status)
    if code not in (0, 1):
        sys.stderr.write((out_dir / "netexport.stderr").read_text(errors="replace")[-4000:])
        raise SystemExit(f"netexport validate failed with exit status {code}: {' '.join(argv)}")
    return Run(wall, usage.ru_maxrss, usage.ru_utime + usage.ru_stime, code), json.loads(report.read_text())


def run_msgfmt(generated: Generated, out_dir: Path, workers: int) -> Run:
    files = [generated.po_dir / f"{tag}.po" for tag in generated.locales]
    pending = list(files)
    running: dict[int, Path] = {}
    max_rss = 0
    cpu = 0.0
    failures = []
    started = time.perf_counter()
    while pending or running:
        while pending and len(running) < workers:
            path = pending.pop(0)
            pid = spawn(["msgfmt", "--check", "-o", "/dev/null", str(path)], out_dir / f"msgfmt-{path.stem}.out",
                        out_dir / f"msgfmt-{path.stem}.err")
            running[pid] = path
        pid, status, usage = os.wait4(-1, 0)
        path = running.pop(pid)
        max_rss = max(max_rss, usage.ru_maxrss)
        cpu += usage.ru_utime + usage.ru_stime
        if exit_status(status) != 0:
            failures.append(path)
    wall = time.perf_counter() - started
    if failures:
        for path in failures:
            sys.stderr.write((out_dir / f"msgfmt-{path.stem}.err").read_text(errors="replace")[-2000:])
        raise SystemExit(f"msgfmt --check failed on {', '.join(str(p) for p in failures)}")
    return Run(wall, max_rss, cpu, 0)


# --------------------------------------------------------------------------------------


def build() -> None:
    argv = ["swift", "build", "-c", "release", "--product", "netexport", "--scratch-path", SCRATCH]
    print("$ " + " ".join(argv), flush=True)
    started = time.perf_counter()
    result = subprocess.run(argv, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        sys.stdout.write(result.stdout[-6000:])
        raise SystemExit("the release build failed")
    print(f"  built in {time.perf_counter() - started:.1f} s", flush=True)


def source_revision() -> str:
    """The commit the binary was built from, and whether Sources/ or Package.swift differed
    from it (others may be editing the working tree)."""
    try:
        head = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(REPO), "diff", "--quiet", "HEAD", "--", "Sources", "Package.swift"]
                               ).returncode != 0
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    return head + (" + uncommitted changes in Sources/ or Package.swift" if dirty else "")


def mb(size: int) -> float:
    return size / 1_000_000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="only the smallest size (100 documents)")
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                        help="comma-separated document counts (default: %(default)s)")
    parser.add_argument("--locales", type=int, default=len(LOCALES),
                        help=f"how many target locales, 1..{len(LOCALES)} (default: all)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--defect-rate", type=float, default=DEFAULT_DEFECT_RATE)
    parser.add_argument("--workers", type=int, default=2, help="parallel msgfmt processes (default: 2)")
    parser.add_argument("--no-build", action="store_true", help="use the existing release binary")
    parser.add_argument("--no-msgfmt", action="store_true", help="skip the gettext comparison")
    parser.add_argument("--netexport", type=Path, default=NETEXPORT, help="the netexport binary to run")
    parser.add_argument("--workdir", type=Path,
                        help="generate here and keep the projects (default: a temporary folder, removed)")
    parser.add_argument("--generate-only", action="store_true", help="generate the projects and stop (implies keeping them)")
    parser.add_argument("--results", type=Path, help="also write the figures as JSON to this file")
    args = parser.parse_args()

    sizes = [100] if args.quick else [int(s) for s in args.sizes.split(",") if s.strip()]
    if not 1 <= args.locales <= len(LOCALES) or any(s < 1 for s in sizes):
        parser.error("sizes must be >= 1 and --locales within 1..%d" % len(LOCALES))
    if args.generate_only and not args.workdir:
        parser.error("--generate-only needs --workdir")
    if not args.no_msgfmt and not args.generate_only and shutil.which("msgfmt") is None:
        print("msgfmt (GNU gettext) is not installed. Install it with:\n"
              "  sudo apt-get install -y gettext\n"
              "or run with --no-msgfmt to skip the comparison.", file=sys.stderr)
        return 2
    if not args.no_build and not args.generate_only:
        revision = source_revision()
        build()
        print(f"  sources: {revision}", flush=True)
    if not args.generate_only and not args.netexport.exists():
        raise SystemExit(f"no netexport binary at {args.netexport}; run without --no-build")

    cpu_count = os.cpu_count()
    cpu_model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().split("\n")
                      if line.startswith("model name")), "unknown CPU") if Path("/proc/cpuinfo").exists() else "unknown CPU"
    print(f"netexport validate benchmark: {args.locales} target locales + en, sizes {sizes} documents, "
          f"seed {args.seed}, defect rate {args.defect_rate:g}, {cpu_count} CPUs ({cpu_model}), msgfmt workers {args.workers}",
          flush=True)
    if not args.no_msgfmt:
        version = subprocess.run(["msgfmt", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
        print(f"  {version}", flush=True)
    if not args.generate_only:
        version = subprocess.run([str(args.netexport), "--version"], capture_output=True, text=True).stdout.strip()
        print(f"  {version} ({args.netexport.relative_to(REPO) if args.netexport.is_relative_to(REPO) else args.netexport})",
              flush=True)

    base = args.workdir or Path(tempfile.mkdtemp(prefix="netexport-bench-"))
    base.mkdir(parents=True, exist_ok=True)
    rows = []
    try:
        for documents in sizes:
            root = base / f"docs-{documents}"
            if root.exists():
                shutil.rmtree(root)
            print(f"\n== {documents} documents x {args.locales} locales", flush=True)
            generated = generate(root, documents, args.locales, args.seed, args.defect_rate)
            print(f"  generated {mb(generated.yaml_bytes):.1f} MB of catalog YAML ({generated.messages:,} messages in "
                  f"{args.locales + 1} catalogs) and {mb(generated.po_bytes):.1f} MB of PO in {generated.seconds:.1f} s; "
                  f"defects: {dict(sorted(generated.defects.items()))}", flush=True)
            if args.generate_only:
                print(f"  project: {generated.project}  PO files: {generated.po_dir}")
                continue
            busy = cpu_busy()
            if busy is not None and busy > 0.2:
                print(f"  note: the CPUs were {busy:.0%} busy with other work just before this run; "
                      f"the timings may be skewed", flush=True)
            net, report = run_netexport(args.netexport, generated, root)
            codes = Counter(f["code"] for loc in report["locales"] for f in loc["findings"])
            findings = sum(codes.values())
            match = "as injected" if codes == generated.expected_findings else (
                f"EXPECTED {dict(sorted(generated.expected_findings.items()))}")
            print(f"  netexport: {net.wall:.2f} s wall, {net.cpu:.2f} s CPU ({net.cpu / net.wall:.2f} cores), "
                  f"peak RSS {net.max_rss_kb / 1024:.0f} MB, exit {net.status}; {findings} findings "
                  f"{dict(sorted(codes.items()))} ({match})", flush=True)
            row = {
                "documents": documents, "locales": args.locales, "yaml_bytes": generated.yaml_bytes,
                "po_bytes": generated.po_bytes, "messages": generated.messages, "po_messages": generated.po_messages,
                "netexport_seconds": net.wall, "netexport_cpu_seconds": net.cpu,
                "netexport_max_rss_kb": net.max_rss_kb, "netexport_exit": net.status, "findings": findings,
                "findings_by_code": dict(codes), "expected_findings": dict(generated.expected_findings),
                "defects": dict(generated.defects),
            }
            if not args.no_msgfmt:
                msg = run_msgfmt(generated, root, args.workers)
                print(f"  msgfmt --check: {msg.wall:.2f} s wall, {msg.cpu:.2f} s CPU, "
                      f"peak RSS {msg.max_rss_kb / 1024:.1f} MB (largest of {len(generated.locales)} processes)",
                      flush=True)
                row.update({"msgfmt_seconds": msg.wall, "msgfmt_cpu_seconds": msg.cpu,
                            "msgfmt_max_rss_kb": msg.max_rss_kb})
            rows.append(row)
            if not args.workdir:
                shutil.rmtree(root)
    finally:
        if not args.workdir:
            shutil.rmtree(base, ignore_errors=True)

    if rows:
        print_summary(rows, not args.no_msgfmt)
    if args.results:
        args.results.write_text(json.dumps(rows, indent=2) + "\n")
    return 0


def print_summary(rows: list[dict], with_msgfmt: bool) -> None:
    print("\nThroughput (netexport):")
    print(f"  {'documents':>9}  {'YAML MB':>8}  {'messages':>10}  {'MB/s':>7}  {'messages/s':>10}  {'CPU/wall':>8}")
    for r in rows:
        print(f"  {r['documents']:>9}  {mb(r['yaml_bytes']):>8.1f}  {r['messages']:>10,}  "
              f"{mb(r['yaml_bytes']) / r['netexport_seconds']:>7.2f}  {r['messages'] / r['netexport_seconds']:>10,.0f}  "
              f"{r['netexport_cpu_seconds'] / r['netexport_seconds']:>8.2f}")
    if with_msgfmt:
        print("Throughput (msgfmt --check, 2 workers):")
        print(f"  {'documents':>9}  {'PO MB':>8}  {'messages':>10}  {'MB/s':>7}  {'messages/s':>10}")
        for r in rows:
            print(f"  {r['documents']:>9}  {mb(r['po_bytes']):>8.1f}  {r['po_messages']:>10,}  "
                  f"{mb(r['po_bytes']) / r['msgfmt_seconds']:>7.2f}  {r['po_messages'] / r['msgfmt_seconds']:>10,.0f}")
    first = rows[0]
    print(f"Growth against {first['documents']} documents (size ratio, then time and peak-memory ratios):")
    header = f"  {'documents':>9}  {'size x':>6}  {'netexport time x':>16}  {'netexport mem x':>15}"
    if with_msgfmt:
        header += f"  {'msgfmt time x':>13}  {'msgfmt mem x':>12}"
    print(header)
    for r in rows:
        line = (f"  {r['documents']:>9}  {r['yaml_bytes'] / first['yaml_bytes']:>6.2f}  "
                f"{r['netexport_seconds'] / first['netexport_seconds']:>16.2f}  "
                f"{r['netexport_max_rss_kb'] / first['netexport_max_rss_kb']:>15.2f}")
        if with_msgfmt:
            line += (f"  {r['msgfmt_seconds'] / first['msgfmt_seconds']:>13.2f}  "
                     f"{r['msgfmt_max_rss_kb'] / first['msgfmt_max_rss_kb']:>12.2f}")
        print(line)
    print("\nSummary:")
    if with_msgfmt:
        print("| documents | catalog YAML MB | netexport s | msgfmt s | netexport/msgfmt | netexport peak MB "
              "| msgfmt peak MB | findings |")
        print("|---:|---:|---:|---:|---:|---:|---:|---:|")
        for r in rows:
            print(f"| {r['documents']} | {mb(r['yaml_bytes']):.1f} | {r['netexport_seconds']:.2f} | "
                  f"{r['msgfmt_seconds']:.2f} | {r['netexport_seconds'] / r['msgfmt_seconds']:.1f} | "
                  f"{r['netexport_max_rss_kb'] / 1024:.0f} | {r['msgfmt_max_rss_kb'] / 1024:.1f} | {r['findings']} |")
    else:
        print("| documents | catalog YAML MB | netexport s | netexport peak MB | findings |")
        print("|---:|---:|---:|---:|---:|")
        for r in rows:
            print(f"| {r['documents']} | {mb(r['yaml_bytes']):.1f} | {r['netexport_seconds']:.2f} | "
                  f"{r['netexport_max_rss_kb'] / 1024:.0f} | {r['findings']} |")


if __name__ == "__main__":
    sys.exit(main())
