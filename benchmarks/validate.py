#!/usr/bin/env python3
"""Benchmark `netexport validate` on large generated projects in the library layout, next to
GNU gettext's `msgfmt --check` on the same strings.

What it does (see benchmarks/README.md):

1. Builds the release netexport (`swift build -c release --product netexport
   --scratch-path .build-release`) unless --no-build.
2. For each size (documents: 100, 250, 500, 1000 by default; --quick: 100 only), writes a
   project in a temporary folder, reproducibly (fixed seed), in the layout `netexport new`
   makes: netexport.yaml listing 30 shipped locales, Documents/<id>.yaml (N copies of this
   repository's content model), and for the source and each locale Locales/<tag>/<id>.yaml
   per document, labels.yaml and glossary.yaml. The texts are this repository's catalogs:
   the seven translated locales (ar, de, es, fr, pt-BR, vi, zh-Hans) are their real files;
   the other 23 are a pseudo-translation of the real English that keeps the ICU syntax and
   gives each plural the locale's CLDR categories. About 1 % of the entries of every
   document but the first carry an injected defect (missing key, empty text, broken brace,
   changed number), whose findings the script predicts. The same strings are written as one
   PO file per locale (msgctxt = document/key, msgid = English, msgstr = text, #. note).
3. Runs `netexport validate --project DIR --report json --output FILE` (exit status 0 or 1
   is success) and `msgfmt --check -o /dev/null` over the 30 PO files with 2 workers,
   alternating, each under /usr/bin/time, so that the peak memory is the tool's own.
4. Prints throughput, peak memory, ratios to msgfmt, growth against the smallest size, and
   a summary table.

Python 3 standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCRATCH = ".build-release"
NETEXPORT = REPO / SCRATCH / "release" / "netexport"
DOCUMENT_ID = "neuroendocrine-tumors"
CONTENT = REPO / "Documents" / f"{DOCUMENT_ID}.yaml"
LOCALES_DIR = REPO / "Locales"
SOURCE_LOCALE = "en"
TIME = "/usr/bin/time"

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
# Reading this repository's catalogs and the content model's do-not-translate list.
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


@dataclass
class Entry:
    """One message of a catalog file as written: its key, its fields (decoded) and its field
    lines, as in the file."""
    key: str
    fields: dict[str, str]
    lines: list[str]
    blank_before: bool = False


@dataclass
class MessageCatalog:
    header: list[str]  # every line up to and including "entries:"
    entries: list[Entry]


ENTRY_KEY = re.compile(r"  ([A-Za-z0-9._-]+):\s*")
ENTRY_FIELD = re.compile(r"    ([a-z-]+): (.*?)\s*")


def read_message_catalog(path: Path) -> MessageCatalog:
    """A document's catalog or labels in the layout of this repository's catalogs: a header,
    then `entries:` with one `  key:` line per entry and one `    field: value` line per field
    (values double-quoted, or a plain state or flow list), and comments. Fails loudly on
    anything else."""
    lines = path.read_text(encoding="utf-8").split("\n")
    start = lines.index("entries:") + 1
    catalog = MessageCatalog(lines[:start], [])
    blank = False
    for number, line in enumerate(lines[start:], start + 1):
        if not line.strip():
            blank = True
            continue
        if line.startswith("# ") and any(later.startswith("obsolete:") for later in lines[number:number + 1]):
            # The comment that introduces the obsolete entries.
            continue
        if line == "obsolete:":
            # Entries the source no longer has, which `update` keeps for the translator: they
            # are not messages of the document (msgfmt would see them as #~ lines, which it
            # skips), so the benchmark leaves them out.
            break
        match = ENTRY_KEY.fullmatch(line)
        if match:
            catalog.entries.append(Entry(match.group(1), {}, [], blank))
            blank = False
            continue
        if line.lstrip().startswith("#") and catalog.entries:
            # A translator's comment stays with the entry it follows.
            catalog.entries[-1].lines.append(line)
            continue
        match = ENTRY_FIELD.fullmatch(line)
        if not match or not catalog.entries:
            raise SystemExit(f"{path}:{number}: unexpected layout for the benchmark's reader: {line!r}")
        name, value = match.groups()
        entry = catalog.entries[-1]
        entry.fields[name] = yaml_unquote(value) if value.startswith('"') else value
        entry.lines.append(line)
    return catalog


@dataclass
class GlossaryEntry:
    key: str
    fields: list[tuple[str, str]]  # (name, value as written)


def read_glossary(path: Path) -> tuple[list[str], list[GlossaryEntry]]:
    lines = path.read_text(encoding="utf-8").rstrip("\n").split("\n")
    start = lines.index("glossary:") + 1
    entries: list[GlossaryEntry] = []
    for number, line in enumerate(lines[start:], start + 1):
        match = ENTRY_KEY.fullmatch(line)
        if match:
            entries.append(GlossaryEntry(match.group(1), []))
            continue
        match = ENTRY_FIELD.fullmatch(line)
        if not match or not entries:
            raise SystemExit(f"{path}:{number}: unexpected layout for the benchmark's reader: {line!r}")
        entries[-1].fields.append((match.group(1), match.group(2)))
    return lines[:start], entries


def glossary_forms(entries: list[GlossaryEntry]) -> dict[str, list[str]]:
    """Each glossary key's other forms."""
    forms: dict[str, list[str]] = {}
    for entry in entries:
        for name, value in entry.fields:
            if name == "forms":
                # A flow list of double-quoted texts reads as JSON.
                forms[entry.key] = json.loads(value)
    return forms


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


TERM_KEY = re.compile(r"(term|abbr)\.[a-z0-9-]+")


# --------------------------------------------------------------------------------------
# Defects, and the findings netexport should report for them.
# --------------------------------------------------------------------------------------

SEPARATORS = set(".,'\u00a0\u202f\u2009\u066b\u066c\u2019")


def numbers_in(text: str) -> list[str]:
    """TextChecks.numbers: runs of decimal digits of any script, read as their values, with
    single grouping or decimal separators inside."""
    numbers, current, pending = [], "", False
    for char in text:
        digit = unicodedata.decimal(char, None)
        if digit is not None:
            current += str(digit)
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


def matchable(text: str) -> str:
    """Validator.matchable: lowercased, without invisible format characters."""
    return "".join(c for c in text if unicodedata.category(c) != "Cf").lower()


def contains_word(word: str, text: str) -> bool:
    """Validator.containsWord (both lowercased)."""
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if not before.isalnum() and not after.isalnum():
            return True
        start = text.find(word, start + 1)
    return False


@dataclass
class Term:
    key: str
    source_forms: list[str]  # the English term and its glossary forms, lowercased
    forms: list[str]  # the locale's agreed forms, matchable


def change_number(text: str, source: str, terms: list[Term]) -> tuple[str, Counter]:
    """Every occurrence of the text's first ASCII number, plus one; the findings it causes:
    numbers missing or added (compared as multisets, as netexport does), and an agreed
    glossary term the change breaks ("MEN 1")."""
    first = re.search(r"[0-9]+", text).group(0)
    changed = re.sub(rf"(?<![0-9]){first}(?![0-9])", str(int(first) + 1), text)
    before, after = Counter(numbers_in(text)), Counter(numbers_in(changed))
    expected = Counter()
    if any(after[n] < count for n, count in before.items()):
        expected["number-missing"] += 1
    if any(before[n] < count for n, count in after.items()):
        expected["number-added"] += 1
    lowered_source = source.lower()
    old, new = matchable(text), matchable(changed)
    for term in terms:
        if not term.forms or not any(contains_word(form, lowered_source) for form in term.source_forms):
            continue
        if any(form in old for form in term.forms) and not any(form in new for form in term.forms):
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
class LocaleFiles:
    """What each document's catalog, the labels and the glossary of a locale hold."""
    document: MessageCatalog
    labels: MessageCatalog
    glossary_text: str
    glossary_forms: dict[str, list[str]]
    real: bool


def entry_lines(note: str | None, source: str, text: str) -> list[str]:
    lines = []
    if note is not None:
        lines.append(f"    note: {yaml_quote(note)}")
    lines.append(f"    source: {yaml_quote(source)}")
    lines.append(f"    text: {yaml_quote(text)}")
    lines.append("    state: translated")
    if text == source and any(c.isalpha() for c in text):
        # Only names the document says not to translate: a translator marks it so.
        lines.append("    allow: [untranslated]")
    return lines


def pseudo_catalog(source: MessageCatalog, translator: PseudoTranslator, tag: str, seed: int,
                   document: bool) -> MessageCatalog:
    header = [f"# Generated by benchmarks/validate.py (seed {seed}): pseudo-translation of the English, "
              f"not a real {tag} catalog.", f"locale: {tag}"]
    if document:
        header.append(f"document: {DOCUMENT_ID}")
    header.append("entries:")
    entries = []
    for entry in source.entries:
        text = translator.translate(entry.fields["text"])
        fields = {"source": entry.fields["text"], "text": text, "state": "translated"}
        if "note" in entry.fields:
            fields["note"] = entry.fields["note"]
        entries.append(Entry(entry.key, fields, entry_lines(entry.fields.get("note"), entry.fields["text"], text),
                             entry.blank_before))
    return MessageCatalog(header, entries)


def pseudo_glossary(source: list[GlossaryEntry], translator: PseudoTranslator, tag: str, seed: int
                    ) -> tuple[str, dict[str, list[str]]]:
    lines = [f"# Generated by benchmarks/validate.py (seed {seed}): pseudo-translation of the English glossary.",
             f"locale: {tag}", "glossary:"]
    forms: dict[str, list[str]] = {}
    for entry in source:
        lines.append(f"  {entry.key}:")
        for name, value in entry.fields:
            if name == "forms":
                translated = [translator.translate(form) for form in json.loads(value)]
                forms[entry.key] = translated
                lines.append(f"    forms: [{', '.join(yaml_quote(form) for form in translated)}]")
            elif value.startswith('"'):
                lines.append(f"    {name}: {yaml_quote(translator.translate(yaml_unquote(value)))}")
            else:
                lines.append(f"    {name}: {value}")
    return "\n".join(lines) + "\n", forms


def write_catalog(out, catalog: MessageCatalog, document: str | None, entries: list[tuple[Entry, list[str]]]) -> None:
    """Writes the header (naming `document`) and the given entries with their lines."""
    for line in catalog.header:
        out.write(f"document: {document}\n" if document and line.startswith("document: ") else line + "\n")
    for entry, lines in entries:
        if entry.blank_before:
            out.write("\n")
        out.write(f"  {entry.key}:\n")
        out.write("\n".join(lines) + "\n")


def replace_field(lines: list[str], name: str, value: str) -> list[str]:
    prefix = f"    {name}: "
    return [prefix + value if line.startswith(prefix) else line for line in lines]


PO_HEADER = (
    'msgid ""\nmsgstr ""\n'
    '"Project-Id-Version: netexport benchmark\\n"\n'
    '"Report-Msgid-Bugs-To: \\n"\n'
    '"PO-Revision-Date: 2026-12-05 00:00+0000\\n"\n'
    '"Last-Translator: benchmark <benchmark@example.org>\\n"\n'
    '"Language-Team: benchmark\\n"\n'
    '"Language: {language}\\n"\n'
    '"MIME-Version: 1.0\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Content-Transfer-Encoding: 8bit\\n"\n'
    '"Plural-Forms: {plural_forms}\\n"\n'
)


def po_message(context: str, entry: Entry, text: str) -> str:
    note = entry.fields.get("note")
    comment = f"\n#. {note}" if note is not None else ""
    return (f"{comment}\nmsgctxt {po_quote(context)}\nmsgid {po_quote(entry.fields['source'])}\n"
            f"msgstr {po_quote(text)}\n")


@dataclass
class Generated:
    documents: int
    project: Path
    po_dir: Path
    locales: list[str]
    real_locales: list[str]
    yaml_bytes: int
    po_bytes: int
    files: int  # catalog files
    messages: int  # entries in all catalogs (the source included)
    po_messages: int  # entries in all PO files
    defects: Counter
    expected_findings: Counter
    seconds: float


def document_id(index: int) -> str:
    return f"doc-{index:04d}"


def generate(root: Path, documents: int, locale_count: int, seed: int, rate: float) -> Generated:
    started = time.perf_counter()
    protected = read_do_not_translate(CONTENT)
    content = CONTENT.read_text(encoding="utf-8")
    source_document = read_message_catalog(LOCALES_DIR / SOURCE_LOCALE / f"{DOCUMENT_ID}.yaml")
    source_labels = read_message_catalog(LOCALES_DIR / SOURCE_LOCALE / "labels.yaml")
    _, source_glossary = read_glossary(LOCALES_DIR / SOURCE_LOCALE / "glossary.yaml")
    source_forms = glossary_forms(source_glossary)
    source_texts = {entry.key: entry.fields["text"] for entry in source_document.entries}
    project = root / "project"
    locales_dir = project / "Locales"
    po_dir = root / "po"
    (project / "Documents").mkdir(parents=True)
    locales_dir.mkdir()
    po_dir.mkdir(parents=True)
    chosen = LOCALES[:locale_count]

    manifest = ["# Generated by benchmarks/validate.py: every locale is shipped, so its errors count.",
                f"source-locale: {SOURCE_LOCALE}", "locales:"]
    manifest += [f"  {tag}: shipped" for tag, *_ in chosen]
    (project / "netexport.yaml").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    ids = [document_id(index) for index in range(documents)]
    own_id = f"id: {DOCUMENT_ID}\n"
    assert content.count(own_id) == 1, "the content model's id line moved"
    for doc in ids:
        (project / "Documents" / f"{doc}.yaml").write_text(content.replace(own_id, f"id: {doc}\n"), encoding="utf-8")

    # The source locale: the real files, one catalog per document.
    source_dir = locales_dir / SOURCE_LOCALE
    source_dir.mkdir()
    shutil.copyfile(LOCALES_DIR / SOURCE_LOCALE / "labels.yaml", source_dir / "labels.yaml")
    shutil.copyfile(LOCALES_DIR / SOURCE_LOCALE / "glossary.yaml", source_dir / "glossary.yaml")
    source_entries = [(entry, entry.lines) for entry in source_document.entries]
    for doc in ids:
        with open(source_dir / f"{doc}.yaml", "w", encoding="utf-8") as out:
            write_catalog(out, source_document, doc, source_entries)
    messages = documents * len(source_document.entries) + len(source_labels.entries)
    files = documents + 2

    po_messages = 0
    defects: Counter = Counter()
    expected: Counter = Counter()
    real_locales = []
    for index, (tag, script, categories, plural_forms) in enumerate(chosen):
        real_dir = LOCALES_DIR / tag
        if (real_dir / f"{DOCUMENT_ID}.yaml").exists():
            real_locales.append(tag)
            header, glossary = read_glossary(real_dir / "glossary.yaml")
            files_of = LocaleFiles(read_message_catalog(real_dir / f"{DOCUMENT_ID}.yaml"),
                                   read_message_catalog(real_dir / "labels.yaml"),
                                   (real_dir / "glossary.yaml").read_text(encoding="utf-8"), glossary_forms(glossary),
                                   True)
        else:
            translator = PseudoTranslator(letter_table(script, index), categories, protected)
            glossary_text, forms = pseudo_glossary(source_glossary, translator, tag, seed)
            files_of = LocaleFiles(pseudo_catalog(source_document, translator, tag, seed, True),
                                   pseudo_catalog(source_labels, translator, tag, seed, False), glossary_text, forms,
                                   False)
        texts = {entry.key: entry.fields for entry in files_of.document.entries}
        terms = []
        for key in source_texts:
            if not TERM_KEY.fullmatch(key):
                continue
            forms = []
            fields = texts.get(key)
            if fields and fields["text"] and fields.get("state") != "new":
                forms.append(fields["text"])
            forms += files_of.glossary_forms.get(key, [])
            terms.append(Term(key, [form.lower() for form in [source_texts[key]] + source_forms.get(key, [])],
                              [matchable(form) for form in forms]))

        out_dir = locales_dir / tag
        out_dir.mkdir()
        (out_dir / "glossary.yaml").write_text(files_of.glossary_text, encoding="utf-8")
        po_parts = [PO_HEADER.replace("{language}", tag.replace("-", "_")).replace("{plural_forms}", plural_forms)]
        with open(out_dir / "labels.yaml", "w", encoding="utf-8") as out:
            write_catalog(out, files_of.labels, None, [(entry, entry.lines) for entry in files_of.labels.entries])
        for entry in files_of.labels.entries:
            po_parts.append(po_message(f"labels/{entry.key}", entry, entry.fields["text"]))
        messages += len(files_of.labels.entries)
        po_messages += len(files_of.labels.entries)
        files += 2
        for number, doc in enumerate(ids):
            # Defects are drawn per locale and document, so a smaller size is a prefix of a
            # larger one; the first document stays clean. A term's own entry is never
            # changed: every text that uses the term would be reported too.
            rng = random.Random(f"{seed}:{tag}:{number}")
            written = []
            for entry in files_of.document.entries:
                text = entry.fields["text"]
                lines = entry.lines
                if number and not TERM_KEY.fullmatch(entry.key) and rng.random() < rate:
                    kinds = ["missing-key", "empty-text", "broken-brace"]
                    if "{" not in text and re.search(r"[0-9]", text):
                        kinds.append("changed-number")
                    kind = kinds[rng.randrange(len(kinds))]
                    defects[kind] += 1
                    if kind == "missing-key":
                        expected["missing-key"] += 1
                        continue
                    if kind == "empty-text":
                        expected["empty-text"] += 1
                        text = ""
                        lines = replace_field(replace_field(lines, "text", '""'), "state", "new")
                    elif kind == "broken-brace":
                        expected["message-syntax"] += 1
                        text = break_brace(text)
                        lines = replace_field(lines, "text", yaml_quote(text))
                    else:
                        text, found = change_number(text, entry.fields["source"], terms)
                        expected.update(found)
                        lines = replace_field(lines, "text", yaml_quote(text))
                written.append((entry, lines))
                po_parts.append(po_message(f"{doc}/{entry.key}", entry, text))
            with open(out_dir / f"{doc}.yaml", "w", encoding="utf-8") as out:
                write_catalog(out, files_of.document, doc, written)
            messages += len(written)
            po_messages += len(written)
            files += 1
        (po_dir / f"{tag}.po").write_text("".join(po_parts), encoding="utf-8")
    yaml_bytes = sum(path.stat().st_size for path in locales_dir.rglob("*.yaml"))
    po_bytes = sum(path.stat().st_size for path in po_dir.iterdir())
    return Generated(
        documents, project, po_dir, [tag for tag, *_ in chosen], real_locales, yaml_bytes, po_bytes, files, messages,
        po_messages, defects, expected, time.perf_counter() - started)


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


def spawn_timed(argv: list[str], out_dir: Path, name: str) -> int:
    """Starts `argv` under /usr/bin/time, which writes the program's own resource use to
    `<name>.time`. A process started directly from this script would report this script's
    memory too: the child's peak RSS (ru_maxrss) counts the pages it shares with its parent
    between fork and exec, and survives exec (a 300 MB Python process made a 3 MB msgfmt
    report 313 MB here). /usr/bin/time is small, so what it forks is measured alone."""
    actions = [
        (os.POSIX_SPAWN_OPEN, 0, "/dev/null", os.O_RDONLY, 0),
        (os.POSIX_SPAWN_OPEN, 1, str(out_dir / f"{name}.out"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
        (os.POSIX_SPAWN_OPEN, 2, str(out_dir / f"{name}.err"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
    ]
    timed = [TIME, "-f", "%x %U %S %M", "-o", str(out_dir / f"{name}.time"), *argv]
    return os.posix_spawn(TIME, timed, os.environ, file_actions=actions)


def timed_result(out_dir: Path, name: str, wall: float) -> Run:
    """What /usr/bin/time wrote: exit status, user and system seconds, peak RSS in KB."""
    lines = (out_dir / f"{name}.time").read_text().strip().split("\n")
    status, user, system, rss = lines[-1].split()
    return Run(wall, int(rss), float(user) + float(system), int(status))


def run_netexport(binary: Path, generated: Generated, out_dir: Path, name: str = "netexport") -> tuple[Run, bytes]:
    """One `validate` run; its JSON report's bytes."""
    report = out_dir / f"{name}-{generated.documents}.json"
    argv = [str(binary), "validate", "--project", str(generated.project), "--report", "json", "--output", str(report)]
    started = time.perf_counter()
    pid = spawn_timed(argv, out_dir, name)
    os.waitpid(pid, 0)
    run = timed_result(out_dir, name, time.perf_counter() - started)
    if run.status not in (0, 1):
        sys.stderr.write((out_dir / f"{name}.err").read_text(errors="replace")[-4000:])
        raise SystemExit(f"netexport validate failed with exit status {run.status}: {' '.join(argv)}")
    return run, report.read_bytes()


def run_msgfmt(generated: Generated, out_dir: Path, workers: int) -> Run:
    """msgfmt --check over every PO file, `workers` at a time: wall time from the first start
    to the last end, the largest peak RSS of one process, and the CPU time of all."""
    pending = [generated.po_dir / f"{tag}.po" for tag in generated.locales]
    running: dict[int, Path] = {}
    runs: list[Run] = []
    failures = []
    started = time.perf_counter()
    while pending or running:
        while pending and len(running) < workers:
            path = pending.pop(0)
            running[spawn_timed(["msgfmt", "--check", "-o", "/dev/null", str(path)], out_dir, f"msgfmt-{path.stem}")] = path
        pid, _ = os.wait()
        path = running.pop(pid)
        run = timed_result(out_dir, f"msgfmt-{path.stem}", 0)
        runs.append(run)
        if run.status != 0:
            failures.append(path)
    wall = time.perf_counter() - started
    if failures:
        for path in failures:
            sys.stderr.write((out_dir / f"msgfmt-{path.stem}.err").read_text(errors="replace")[-2000:])
        raise SystemExit(f"msgfmt --check failed on {', '.join(str(p) for p in failures)}")
    return Run(wall, max(r.max_rss_kb for r in runs), sum(r.cpu for r in runs), 0)


def median_run(runs: list[Run]) -> Run:
    """The median wall and CPU time, and the largest peak memory, of repeated runs."""
    return Run(statistics.median(r.wall for r in runs), max(r.max_rss_kb for r in runs),
               statistics.median(r.cpu for r in runs), runs[-1].status)


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
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs of each tool per size, alternating; medians are printed (default: 1)")
    parser.add_argument("--workers", type=int, default=2, help="parallel msgfmt processes (default: 2)")
    parser.add_argument("--no-build", action="store_true", help="use the existing release binary")
    parser.add_argument("--no-msgfmt", action="store_true", help="skip the gettext comparison")
    parser.add_argument("--netexport", type=Path, default=NETEXPORT, help="the netexport binary to run")
    parser.add_argument("--compare", type=Path, metavar="BINARY",
                        help="also time this netexport binary (e.g. a build of main) in the same runs, and check that "
                             "its report is the same byte for byte")
    parser.add_argument("--workdir", type=Path,
                        help="generate here and keep the projects (default: a temporary folder, removed)")
    parser.add_argument("--generate-only", action="store_true", help="generate the projects and stop (implies keeping them)")
    parser.add_argument("--results", type=Path, help="also write the figures as JSON to this file")
    args = parser.parse_args()

    sizes = [100] if args.quick else [int(s) for s in args.sizes.split(",") if s.strip()]
    if not 1 <= args.locales <= len(LOCALES) or any(s < 1 for s in sizes) or args.repeat < 1:
        parser.error("sizes and --repeat must be >= 1 and --locales within 1..%d" % len(LOCALES))
    if args.generate_only and not args.workdir:
        parser.error("--generate-only needs --workdir")
    if not args.generate_only and not Path(TIME).exists():
        print(f"{TIME} (GNU time) is not installed; it measures each tool's own memory. Install it with:\n"
              "  sudo apt-get install -y time", file=sys.stderr)
        return 2
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
    print(f"netexport validate benchmark: {args.locales} target locales + {SOURCE_LOCALE}, sizes {sizes} documents, "
          f"seed {args.seed}, defect rate {args.defect_rate:g}, {cpu_count} CPUs ({cpu_model}), "
          f"msgfmt workers {args.workers}, {args.repeat} run(s) each", flush=True)
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
                  f"{generated.files:,} files; real translations: {', '.join(generated.real_locales) or 'none'}, "
                  f"the other {len(generated.locales) - len(generated.real_locales)} locales pseudo-translated) and "
                  f"{mb(generated.po_bytes):.1f} MB of PO in {generated.seconds:.1f} s; "
                  f"defects: {dict(sorted(generated.defects.items()))}", flush=True)
            if args.generate_only:
                print(f"  project: {generated.project}  PO files: {generated.po_dir}")
                continue
            busy = cpu_busy()
            if busy is not None and busy > 0.2:
                print(f"  note: the CPUs were {busy:.0%} busy with other work just before this run; "
                      f"the timings may be skewed", flush=True)
            net_runs, msg_runs, base_runs = [], [], []
            for _ in range(args.repeat):
                run, report_bytes = run_netexport(args.netexport, generated, root)
                net_runs.append(run)
                if not args.no_msgfmt:
                    msg_runs.append(run_msgfmt(generated, root, args.workers))
                if args.compare:
                    run, base_report = run_netexport(args.compare, generated, root, "baseline")
                    base_runs.append(run)
                    if base_report != report_bytes:
                        raise SystemExit(f"the reports of {args.netexport} and {args.compare} differ ({root})")
            report = json.loads(report_bytes)
            net = median_run(net_runs)
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
                "defects": dict(generated.defects), "netexport_runs": [r.wall for r in net_runs],
            }
            if base_runs:
                compared = median_run(base_runs)
                print(f"  baseline ({args.compare}): {compared.wall:.2f} s wall, {compared.cpu:.2f} s CPU, peak RSS "
                      f"{compared.max_rss_kb / 1024:.0f} MB, the same report byte for byte; this build takes "
                      f"{net.wall / compared.wall:.2f}x its time, {net.cpu / compared.cpu:.2f}x its CPU time and "
                      f"{net.max_rss_kb / compared.max_rss_kb:.2f}x its memory", flush=True)
                row.update({"baseline_seconds": compared.wall, "baseline_cpu_seconds": compared.cpu,
                            "baseline_max_rss_kb": compared.max_rss_kb})
            if not args.no_msgfmt:
                msg = median_run(msg_runs)
                print(f"  msgfmt --check: {msg.wall:.2f} s wall, {msg.cpu:.2f} s CPU, "
                      f"peak RSS {msg.max_rss_kb / 1024:.1f} MB (largest of {len(generated.locales)} processes)",
                      flush=True)
                print(f"  netexport against msgfmt on the same strings: {msg.wall / net.wall:.2f}x its speed "
                      f"({mb(generated.yaml_bytes) / net.wall:.1f} MB/s of YAML against {mb(generated.po_bytes) / msg.wall:.1f} "
                      f"MB/s of PO; in CPU time {msg.cpu / net.cpu:.2f}x), {net.max_rss_kb / msg.max_rss_kb:.1f}x its "
                      f"peak memory", flush=True)
                row.update({"msgfmt_seconds": msg.wall, "msgfmt_cpu_seconds": msg.cpu,
                            "msgfmt_max_rss_kb": msg.max_rss_kb, "msgfmt_runs": [r.wall for r in msg_runs]})
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
    print(f"  {'documents':>9}  {'YAML MB':>8}  {'messages':>10}  {'s':>7}  {'MB/s':>7}  {'messages/s':>10}  "
          f"{'CPU/wall':>8}  {'peak MB':>7}")
    for r in rows:
        print(f"  {r['documents']:>9}  {mb(r['yaml_bytes']):>8.1f}  {r['messages']:>10,}  {r['netexport_seconds']:>7.2f}  "
              f"{mb(r['yaml_bytes']) / r['netexport_seconds']:>7.2f}  {r['messages'] / r['netexport_seconds']:>10,.0f}  "
              f"{r['netexport_cpu_seconds'] / r['netexport_seconds']:>8.2f}  {r['netexport_max_rss_kb'] / 1024:>7.0f}")
    if with_msgfmt:
        print("Throughput (msgfmt --check, 2 workers; peak of one process):")
        print(f"  {'documents':>9}  {'PO MB':>8}  {'messages':>10}  {'s':>7}  {'MB/s':>7}  {'messages/s':>10}  "
              f"{'CPU/wall':>8}  {'peak MB':>7}")
        for r in rows:
            print(f"  {r['documents']:>9}  {mb(r['po_bytes']):>8.1f}  {r['po_messages']:>10,}  {r['msgfmt_seconds']:>7.2f}  "
                  f"{mb(r['po_bytes']) / r['msgfmt_seconds']:>7.2f}  {r['po_messages'] / r['msgfmt_seconds']:>10,.0f}  "
                  f"{r['msgfmt_cpu_seconds'] / r['msgfmt_seconds']:>8.2f}  {r['msgfmt_max_rss_kb'] / 1024:>7.1f}")
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
    if all("baseline_seconds" in r for r in rows):
        print("Against the baseline binary (--compare), timed in the same runs, reports identical byte for byte:")
        print(f"  {'documents':>9}  {'baseline s':>10}  {'CPU s':>7}  {'peak MB':>7}  {'time /':>7}  {'CPU /':>7}  "
              f"{'memory /':>8}")
        for r in rows:
            print(f"  {r['documents']:>9}  {r['baseline_seconds']:>10.2f}  {r['baseline_cpu_seconds']:>7.2f}  "
                  f"{r['baseline_max_rss_kb'] / 1024:>7.0f}  {r['baseline_seconds'] / r['netexport_seconds']:>7.2f}  "
                  f"{r['baseline_cpu_seconds'] / r['netexport_cpu_seconds']:>7.2f}  "
                  f"{r['baseline_max_rss_kb'] / r['netexport_max_rss_kb']:>8.2f}")
    print("\nSummary (speed x: msgfmt's time over netexport's on the same strings, wall and CPU; above 1 "
          "netexport is faster):")
    if with_msgfmt:
        print("| documents | catalog YAML MB | netexport s | netexport MB/s | msgfmt s | msgfmt MB/s (PO) | speed x "
              "| CPU speed x | netexport peak MB | msgfmt peak MB | findings |")
        print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for r in rows:
            print(f"| {r['documents']} | {mb(r['yaml_bytes']):.1f} | {r['netexport_seconds']:.2f} | "
                  f"{mb(r['yaml_bytes']) / r['netexport_seconds']:.1f} | {r['msgfmt_seconds']:.2f} | "
                  f"{mb(r['po_bytes']) / r['msgfmt_seconds']:.1f} | {r['msgfmt_seconds'] / r['netexport_seconds']:.2f} | "
                  f"{r['msgfmt_cpu_seconds'] / r['netexport_cpu_seconds']:.2f} | "
                  f"{r['netexport_max_rss_kb'] / 1024:.0f} | {r['msgfmt_max_rss_kb'] / 1024:.1f} | {r['findings']} |")
    else:
        print("| documents | catalog YAML MB | netexport s | netexport MB/s | netexport peak MB | findings |")
        print("|---:|---:|---:|---:|---:|---:|")
        for r in rows:
            print(f"| {r['documents']} | {mb(r['yaml_bytes']):.1f} | {r['netexport_seconds']:.2f} | "
                  f"{mb(r['yaml_bytes']) / r['netexport_seconds']:.1f} | {r['netexport_max_rss_kb'] / 1024:.0f} | "
                  f"{r['findings']} |")


if __name__ == "__main__":
    sys.exit(main())
