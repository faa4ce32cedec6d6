#!/usr/bin/env python3
"""Reads PDF handouts back with pikepdf, qpdf and poppler and reports, as JSON on stdout:

- the catalog's /Lang, the title in /Info and in the XMP's dc:title, DisplayDocTitle, the
  PDF/UA identification (pdfuaid:part) and MarkInfo;
- the structure tree: every structure type used, the headings in reading order, the
  structure elements that carry a /Lang of their own (with their text), and marked content
  outside the tree;
- the bookmarks (outline) in reading order, and the headings of the HTML handout to match;
- per page, whether it has a pagination artifact (the page number that assistive technology
  skips), and the page size;
- every font, whether it is embedded, and the fonts each heading is drawn with, with the
  weight their embedded font programs declare;
- the smallest text size drawn, in points on the page;
- `qpdf --check`, and the text pdftotext extracts;
- the layout rules, read page by page from pdftotext's text of the page's body (between the
  running header and footer): a list's lead-in never ends a page with fewer than two of its
  items after it, a heading never ends a page, and the last page holds more than one line;
- images of the first two pages (pdftoppm), for a person to look at.

Usage: check_pdfs.py PAGES_DIR TOP_MARGIN_PT BOTTOM_MARGIN_PT HANDOUT.html HANDOUT.pdf [...]
where each HANDOUT.html is the large-print HTML handout of the same locale (for the
structure the PDF must keep), and the margins are the PDF's page margins, inside which the
running header and footer are printed.
Needs: pikepdf (pip), qpdf and poppler-utils (Debian).
Called by the Swift test suite (NetexportExportersTests/RealToolTests.swift).
"""
import html.parser
import io
import json
import os
import subprocess
import sys
import unicodedata

import pikepdf

# Arabic letters pdftotext reorders: every engine extracts lam-alef ligatures with the alef
# first ("الأورام" comes out as "األورام"), so loose comparisons leave lam and alef out.
LAM_ALEF = set("\u0644\u0622\u0623\u0625\u0627")


def bare(text):
    """Text for comparison: compatibility forms folded (presentation forms, ligatures),
    without spaces, punctuation (list bullets, and marks pdftotext puts at the other end of a
    right-to-left line), format characters, combining marks (pdftotext moves Arabic vowel
    marks) and the letters of lam-alef ligatures."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(c for c in folded if not c.isspace() and c not in LAM_ALEF
                   and unicodedata.category(c) not in ("Cf", "Mn") and not unicodedata.category(c).startswith("P"))


class Handout(html.parser.HTMLParser):
    """The blocks of an HTML handout in reading order: headings, paragraphs (lead-ins
    marked), list items; each with its text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks = []
        self.current = None
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        if self.current is None and tag in ("h1", "h2", "h3", "p", "li"):
            classes = (dict(attrs).get("class") or "").split()
            self.current = {"tag": tag, "leadIn": "lead-in" in classes, "text": ""}
            self.depth = 0
        elif self.current is not None and tag == self.current["tag"]:
            self.depth += 1

    def handle_endtag(self, tag):
        if self.current is None or tag != self.current["tag"]:
            return
        if self.depth:
            self.depth -= 1
            return
        self.current["text"] = " ".join(self.current["text"].split())
        self.blocks.append(self.current)
        self.current = None

    def handle_data(self, data):
        if self.current is not None:
            self.current["text"] += data


def kids(element):
    k = element.get("/K")
    if k is None:
        return []
    return list(k) if isinstance(k, pikepdf.Array) else [k]


def is_element(obj):
    return isinstance(obj, pikepdf.Dictionary) and obj.get("/Type", pikepdf.Name.StructElem) == "/StructElem" \
        and "/S" in obj


def matrix_multiply(a, b):
    return [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
            a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
            a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]]


def text_sizes_and_fonts(page):
    """The size in points of every run of text on the page, and the fonts drawn inside each
    marked-content sequence (by MCID)."""
    ctm = [1, 0, 0, 1, 0, 0]
    stack = []
    tm = [1, 0, 0, 1, 0, 0]
    font, size = None, 0
    sizes = []
    fonts_by_mcid = {}
    mcids = []
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op == "q":
            stack.append(ctm)
        elif op == "Q":
            ctm = stack.pop()
        elif op == "cm":
            ctm = matrix_multiply([float(x) for x in operands], ctm)
        elif op == "BT":
            tm = [1, 0, 0, 1, 0, 0]
        elif op == "Tm":
            tm = [float(x) for x in operands]
        elif op == "Tf":
            font, size = str(operands[0]), float(operands[1])
        elif op in ("Tj", "TJ", "'", '"'):
            m = matrix_multiply(tm, ctm)
            scale = abs(m[0] * m[3] - m[1] * m[2]) ** 0.5
            sizes.append(size * scale)
            for mcid in mcids:
                if mcid is not None:
                    fonts_by_mcid.setdefault(mcid, set()).add(font)
        elif op == "BDC":
            properties = operands[1] if len(operands) > 1 else None
            mcid = int(properties.MCID) if isinstance(properties, pikepdf.Dictionary) and "/MCID" in properties \
                else None
            mcids.append(mcid)
        elif op == "BMC":
            mcids.append(None)
        elif op == "EMC":
            mcids.pop()
    return sizes, fonts_by_mcid


def embedded_faces(page, resource_names):
    """The fonts behind resource names: the PDF's name for each, and the weight class and
    subfamily its embedded font program declares (read with fontTools, which WeasyPrint
    depends on). The PDF's name is not proof of a bold face: for a family without one
    (WenQuanYi Zen Hei) WeasyPrint thickens the regular face and names it "…-Bold"."""
    from fontTools.ttLib import TTFont

    fonts = page.obj.Resources.get("/Font", {})
    faces = []
    for name in resource_names:
        font = fonts.get(name)
        if font is None:
            continue
        descendant = font.DescendantFonts[0] if "/DescendantFonts" in font else font
        descriptor = descendant.get("/FontDescriptor", {})
        program = next((descriptor[k] for k in ("/FontFile2", "/FontFile3", "/FontFile") if k in descriptor), None)
        weight, subfamily = 0, ""
        if program is not None:
            try:
                face = TTFont(io.BytesIO(program.read_bytes()))
                weight = face["OS/2"].usWeightClass if "OS/2" in face else 0
                subfamily = face["name"].getDebugName(2) or ""
            except Exception:  # noqa: BLE001 (a font fontTools cannot read counts as not bold)
                pass
        faces.append({"name": str(font.get("/BaseFont", "?")), "weight": weight, "subfamily": subfamily})
    return faces


def check(pages_dir, top, bottom, html_path, pdf_path, index):
    result = {"file": pdf_path}
    pdf = pikepdf.open(pdf_path)
    root = pdf.Root
    result["lang"] = str(root.get("/Lang", ""))
    result["infoTitle"] = str(pdf.docinfo.get("/Title", ""))
    result["displayDocTitle"] = bool(root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False))
    result["marked"] = bool(root.get("/MarkInfo", {}).get("/Marked", False))
    with pdf.open_metadata() as xmp:
        result["xmpTitle"] = str(xmp.get("dc:title", ""))
        result["pdfuaPart"] = str(xmp.get("{http://www.aiim.org/pdfua/ns/id/}part", ""))
    result["pages"] = len(pdf.pages)
    result["pageSizes"] = sorted({(round(float(p.mediabox[2]) - float(p.mediabox[0])),
                                   round(float(p.mediabox[3]) - float(p.mediabox[1]))) for p in pdf.pages})

    # The structure tree.
    types, headings, languages = set(), [], []
    heading_mcids = []  # (heading type, page object, mcid)
    in_tree = set()

    def walk(element, page, inside_heading):
        s = str(element.S)[1:]
        types.add(s)
        page = element.get("/Pg", page)
        if s in ("H1", "H2", "H3", "H4", "H5", "H6"):
            headings.append(s)
            inside_heading = s
        if "/Lang" in element:
            languages.append({"type": s, "lang": str(element.Lang)})
        for kid in kids(element):
            if isinstance(kid, int):  # pikepdf gives integers in arrays as Python ints
                in_tree.add((page.objgen if page is not None else None, int(kid)))
                if inside_heading:
                    heading_mcids.append((inside_heading, page, int(kid)))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                kid_page = kid.get("/Pg", page)
                in_tree.add((kid_page.objgen, int(kid.MCID)))
            elif is_element(kid):
                walk(kid, page, inside_heading)

    tree = root.get("/StructTreeRoot")
    result["structTree"] = tree is not None
    if tree is not None:
        for kid in kids(tree):
            walk(kid, None, None)
    result["structureTypes"] = sorted(types)
    result["headings"] = headings
    result["languages"] = languages

    # Bookmarks.
    outline = []
    with pdf.open_outline() as o:
        def flatten(items):
            for item in items:
                outline.append(item.title)
                flatten(item.children)
        flatten(o.root)
    result["outline"] = outline

    # Content: pagination artifacts, marked content outside the tree, text sizes, fonts.
    sizes, untagged, pages_without_artifact = [], [], []
    heading_fonts = {}
    fonts_of_page = []
    for number, page in enumerate(pdf.pages, start=1):
        page_sizes, fonts_by_mcid = text_sizes_and_fonts(page)
        sizes += page_sizes
        fonts_of_page.append(fonts_by_mcid)
        operations = pikepdf.parse_content_stream(page)
        artifact = any(str(op) == "BDC" and str(ops[0]) == "/Artifact" and isinstance(ops[1], pikepdf.Dictionary)
                       and ops[1].get("/Type") == "/Pagination" for ops, op in operations)
        if not artifact:
            pages_without_artifact.append(number)
        for mcid in fonts_by_mcid:
            if (page.obj.objgen, mcid) not in in_tree:
                untagged.append({"page": number, "mcid": mcid})
    for heading, page, mcid in heading_mcids:
        number = next(i for i, p in enumerate(pdf.pages) if p.obj.objgen == page.objgen)
        names = fonts_of_page[number].get(mcid, set())
        for face in embedded_faces(pdf.pages[number], names):
            heading_fonts.setdefault(heading, {})[face["name"]] = face
    result["headingFonts"] = {k: sorted(v.values(), key=lambda f: f["name"]) for k, v in heading_fonts.items()}
    result["minTextSize"] = round(min(sizes), 2) if sizes else 0
    result["untaggedContent"] = untagged[:10]
    result["pagesWithoutPaginationArtifact"] = pages_without_artifact

    not_embedded = set()
    for page in pdf.pages:
        for name, font in page.obj.Resources.get("/Font", {}).items():
            descendant = font.DescendantFonts[0] if "/DescendantFonts" in font else font
            descriptor = descendant.get("/FontDescriptor", {})
            if not any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                not_embedded.add(str(font.get("/BaseFont", name)))
    result["fontsNotEmbedded"] = sorted(not_embedded)

    qpdf = subprocess.run(["qpdf", "--check", pdf_path], capture_output=True, text=True)
    result["qpdfCheck"] = {"status": qpdf.returncode, "output": (qpdf.stdout + qpdf.stderr)[-2000:]}
    result["text"] = subprocess.run(["pdftotext", pdf_path, "-"], capture_output=True, text=True).stdout

    # Layout, page by page, from the text of each page's body.
    page_texts = []
    for page in pdf.pages:
        width = float(page.mediabox[2])
        height = float(page.mediabox[3])
        number = len(page_texts) + 1
        body = subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), "-r", "72", "-x", "0", "-y", str(int(top)), "-W",
             str(int(width)), "-H", str(int(height - top - bottom)), pdf_path, "-"],
            capture_output=True, text=True).stdout
        page_texts.append(body)
    handout = Handout()
    with open(html_path, encoding="utf-8") as file:
        source = file.read()
    handout.feed(source)
    right_to_left = 'dir="rtl"' in source[:source.index(">", source.index("<html"))]
    blocks = handout.blocks
    spaced = lambda text: " ".join(text.split())
    result["htmlHeadings"] = [b["text"] for b in blocks if b["tag"] in ("h1", "h2", "h3")]
    result["outlineMatchesHeadings"] = [spaced(t) for t in outline] == result["htmlHeadings"]

    # Each block is found in reading order, from where the previous one began. Left-to-right
    # and Chinese text is compared as a whole (12 characters at each end of the block, without
    # spaces); pdftotext puts right-to-left lines that hold numbers or Latin words in varying
    # order, so there each end of a block is found as its first or last three words, each
    # anywhere on the same page.
    # The text of the pages' bodies, without the running header and footer, so that a
    # sentence that goes on to the next page reads on.
    result["bodyText"] = "".join(page_texts)
    bare_pages = [bare(text) for text in page_texts]
    joined = "".join(bare_pages)
    starts = [sum(len(p) for p in bare_pages[:n]) for n in range(len(bare_pages))]

    def page_at(offset):
        return max(n for n, start in enumerate(starts) if start <= offset)

    cursor = {"offset": 0}

    def locate(text):
        if right_to_left:
            # pdftotext keeps the logical order of right-to-left words, except around numbers
            # and Latin words, and it splits a word whose letter carries a tanween: each end of
            # the block is found as up to three consecutive right-to-left words it extracts whole.
            words = [bare(w) for w in text.split()]
            usable = [w for w in words if w and w in joined and not any(c.isascii() or c.isdigit() for c in w)]
            if not usable:
                return None
            # A line pdftotext puts out of order breaks a run: then fewer words are used.
            def find(run_of, start):
                for count in (3, 2, 1):
                    piece = "".join(run_of(count))
                    at = joined.find(piece, start)
                    if at >= 0:
                        return at, piece
                return -1, ""

            # A line that begins with a number or a Latin word comes out in visual order, its
            # end before its beginning: both ends are looked for from where the last block ended.
            first, head = find(lambda n: usable[:n], cursor["offset"])
            last, tail = find(lambda n: usable[-n:], cursor["offset"])
            if first < 0 or last < 0:
                return None
            end = max(first + len(head), last + len(tail))
            cursor["offset"] = end
            return page_at(min(first, last)), page_at(end - 1)
        b = bare(text)
        first = joined.find(b[:12], cursor["offset"])
        if first < 0:
            return None
        last = joined.find(b[-12:], first)
        if last < 0:
            return None
        cursor["offset"] = last + min(len(b), 12)
        return page_at(first), page_at(last + min(len(b), 12) - 1)

    problems = []
    located = []  # (block, page where it begins, page where it ends)
    for block in blocks:
        pages = locate(block["text"])
        if pages is None:
            problems.append("not found in the body of any page: %s" % block["text"][:60])
            continue
        located.append((block, pages[0], pages[1]))
    for position, (block, first, last) in enumerate(located):
        following = located[position + 1:position + 3]
        if block["tag"] in ("h1", "h2", "h3") and following and following[0][1] != last:
            problems.append("heading ends page %d: %s" % (last + 1, block["text"][:60]))
        if block["leadIn"]:
            items = [f for f in following if f[0]["tag"] == "li"]
            if len(items) < 2 or any(item[1] != last for item in items):
                problems.append("lead-in on page %d has fewer than two of its items after it on that page: %s"
                                % (last + 1, block["text"][:60]))
    result["layoutProblems"] = problems
    # A last page that holds a single block (one reference) is what widows and orphans and
    # keeping a list's last two items together avoid.
    result["lastPageBlocks"] = sum(1 for _, first, _ in located if first == len(page_texts) - 1)
    result["lastPageLines"] = len([line for line in page_texts[-1].splitlines() if line.strip()]) if page_texts else 0

    # Images of the first two pages.
    prefix = os.path.join(pages_dir, "%02d-%s" % (index, os.path.basename(os.path.dirname(pdf_path))))
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "2", pdf_path, prefix], check=False)
    result["pageImages"] = sorted(os.path.join(pages_dir, f) for f in os.listdir(pages_dir)
                                  if f.startswith(os.path.basename(prefix) + "-"))
    return result


def main():
    pages_dir, top, bottom = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
    files = sys.argv[4:]
    results = []
    for index, (html_path, pdf_path) in enumerate(zip(files[0::2], files[1::2])):
        results.append(check(pages_dir, top, bottom, html_path, pdf_path, index))
    json.dump(results, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
