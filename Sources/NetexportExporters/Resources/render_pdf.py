#!/usr/bin/env python3
"""Renders a netexport large-print handout (HTML) as a PDF/UA-1 file with WeasyPrint.

Usage: render_pdf.py INPUT.html OUTPUT.pdf

WeasyPrint (70 or later) tags the PDF, writes the document's title and language, bookmarks
and the PDF/UA identification. This script closes the gaps netexport's handouts need:

- the language of a passage in another language (an element with its own `lang`) is
  written as `/Lang` on its structure element: WeasyPrint writes only the document's;
- the running header and footer (the page's margin boxes: title, review date, page number)
  become pagination artifacts, which assistive technology skips: WeasyPrint leaves them
  as marked content outside the structure tree;
- an element split across pages (a list whose items go on to the next page) becomes one
  structure element again: WeasyPrint starts a new one on every page, so a list of six
  items read as a list of two and a list of four;
- an abbreviation (`abbr` with a `title`) becomes a Span with its expansion (/E), which
  screen readers can speak: WeasyPrint makes it a NonStruct and drops the title.

WeasyPrint builds the structure tree in one private function (weasyprint.pdf.tags.
_build_box_tree), the only place that knows which HTML element each structure element is
for; this script wraps it, and refuses a WeasyPrint whose tagging differs. The rest is done
on the finished PDF with pikepdf.

Exit status: 0 when the PDF was written; 3 when WeasyPrint or pikepdf is missing or too
old (the message says what to install); 1 when rendering failed. Nothing is written to
OUTPUT.pdf unless the whole PDF is ready.
"""
import io
import logging
import os
import sys

MINIMUM_WEASYPRINT = 70


def fail(status, message):
    sys.stderr.write(message + "\n")
    sys.exit(status)


def load_engine():
    try:
        import weasyprint
    except ImportError:
        fail(3, "WeasyPrint is not installed for %s; install it with: pip install 'weasyprint>=%d'"
             % (sys.executable, MINIMUM_WEASYPRINT))
    except OSError as error:
        # WeasyPrint loads Pango, HarfBuzz and fontconfig when it is imported.
        fail(3, "WeasyPrint cannot load its libraries (%s); install Debian's libpango-1.0-0 libpangoft2-1.0-0"
             " libharfbuzz0b libharfbuzz-subset0 libfontconfig1" % error)
    version = weasyprint.__version__
    try:
        major = int(version.split(".")[0])
    except ValueError:
        major = 0
    if major < MINIMUM_WEASYPRINT:
        # Debian 12's python3-weasyprint is 57: its PDFs store Arabic text reversed.
        fail(3, "WeasyPrint %s is too old for %s (netexport needs %d or later; earlier versions"
             " store right-to-left text reversed in the PDF); install it with: pip install 'weasyprint>=%d'"
             % (version, sys.executable, MINIMUM_WEASYPRINT, MINIMUM_WEASYPRINT))
    try:
        import pikepdf
    except ImportError:
        fail(3, "pikepdf is not installed for %s; install it with: pip install pikepdf" % sys.executable)
    try:
        from weasyprint.pdf import tags
        tags._build_box_tree  # noqa: B018 (the hook below wraps it)
    except (ImportError, AttributeError):
        fail(3, "WeasyPrint %s tags PDFs differently from the versions netexport knows (70);"
             " install those with: pip install 'weasyprint>=%d,<%d'"
             % (version, MINIMUM_WEASYPRINT, MINIMUM_WEASYPRINT + 1))
    return weasyprint, tags, pikepdf


def render(weasyprint, tags, html_path):
    """Renders the HTML with WeasyPrint's PDF/UA-1 variant.

    Returns the PDF's bytes and, for each structure element WeasyPrint made for an HTML
    element, that element's identity (object number to key), so that pieces of one element
    on different pages can be joined afterwards.
    """
    import pydyf

    html = weasyprint.HTML(filename=html_path)
    root = html.etree_element
    parents = {id(child): parent for parent in root.iter() for child in parent}

    def inherited_language(element):
        """The language an HTML element's parent gives it: the nearest ancestor's lang."""
        element = parents.get(id(element))
        while element is not None:
            if element.get("lang") is not None:
                return element.get("lang")
            element = parents.get(id(element))
        return None

    def foreign(element):
        lang = element.get("lang")
        return bool(lang) and element is not root and lang != inherited_language(element)

    original = tags._build_box_tree
    keys = {}
    marked = set()  # the HTML elements whose structure elements got their /Lang

    # WeasyPrint builds the structure tree with this recursive generator, one page at a
    # time: it yields the structure element made for `box`, or (for boxes that make none)
    # its children's. Recursive calls look the name up in the module, so they come here too.
    def build_box_tree(box, parent, pdf, page_number, nums, annotations, box_tags):
        for element in original(box, parent, pdf, page_number, nums, annotations, box_tags):
            if element.number not in keys and box.element is not None:
                keys[element.number] = (id(box.element), box.element_tag)
                if foreign(box.element):
                    element["Lang"] = pydyf.String(box.element.get("lang"))
                    marked.add(id(box.element))
                title = box.element.get("title")
                if box.element_tag == "abbr" and title:
                    element["S"] = "/Span"
                    element["E"] = pydyf.String(title)
            yield element

    # WeasyPrint reports what breaks PDF/UA (a missing language or title) as errors: they
    # stop the export. Its warnings (CSS it does not support, such as the screen-only media
    # query) do not.
    errors = []

    class Collect(logging.Handler):
        def emit(self, record):
            errors.append(record.getMessage())

    logger = logging.getLogger("weasyprint")
    logger.addHandler(Collect(level=logging.ERROR))
    logger.setLevel(logging.ERROR)
    logger.propagate = False

    tags._build_box_tree = build_box_tree
    try:
        document = html.render(pdf_variant="pdf/ua-1")
        data = document.write_pdf(pdf_variant="pdf/ua-1")
    finally:
        tags._build_box_tree = original
    if errors:
        raise RuntimeError("; ".join(errors))
    # Every passage in another language must have its language in the PDF.
    passages = [e for e in root.iter() if foreign(e) and "".join(e.itertext()).strip()]
    missing = [e for e in passages if id(e) not in marked]
    if missing:
        raise RuntimeError("%d passages in another language got no /Lang (the first: %r)"
                           % (len(missing), "".join(missing[0].itertext())[:60]))
    return data, keys


def struct_kids(element):
    """The kids of a structure element as a list (/K may hold one kid or an array)."""
    import pikepdf

    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def finish(pikepdf, data, keys):
    """Joins split structure elements and turns the margin boxes into artifacts."""
    pdf = pikepdf.open(io.BytesIO(data))
    root = pdf.Root.StructTreeRoot

    def is_element(kid):
        return isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem"

    def key(element):
        return keys.get(element.objgen[0]), str(element.get("/S"))

    # Join consecutive siblings made for the same HTML element (one piece per page). An
    # element that holds marked content itself (numbers in /K) keeps its pieces: each
    # number belongs to the page of its own piece.
    def join(element):
        kids = struct_kids(element)
        joined = []
        for kid in kids:
            previous = joined[-1] if joined else None
            if (is_element(kid) and is_element(previous) and key(kid)[0] is not None
                    and key(kid) == key(previous)
                    and all(is_element(k) for k in struct_kids(previous) + struct_kids(kid))):
                moved = struct_kids(kid)
                for grandchild in moved:
                    grandchild.P = previous
                previous.K = pikepdf.Array(struct_kids(previous) + moved)
            else:
                joined.append(kid)
        if "/K" in element:
            element.K = pikepdf.Array(joined)
        for kid in joined:
            if is_element(kid):
                join(kid)

    for document_element in struct_kids(root):
        join(document_element)

    reachable = set()

    def collect(element):
        reachable.add(element.objgen)
        for kid in struct_kids(element):
            if is_element(kid):
                collect(kid)

    for kid in struct_kids(root):
        collect(kid)

    parent_tree = root.ParentTree
    if "/Kids" in parent_tree:
        raise RuntimeError("the structure's parent tree has more than one level")
    nums = parent_tree.Nums
    marked_by_page = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    for page in pdf.pages:
        index = page.obj.get("/StructParents")
        if index is None:
            continue
        marked = marked_by_page.get(int(index))
        if not isinstance(marked, pikepdf.Array):
            continue
        orphans = {mcid for mcid, element in enumerate(marked)
                   if isinstance(element, pikepdf.Dictionary) and element.objgen not in reachable}
        if not orphans:
            continue
        operations = []
        for operands, operator in pikepdf.parse_content_stream(page):
            if (str(operator) == "BDC" and len(operands) == 2 and isinstance(operands[1], pikepdf.Dictionary)
                    and int(operands[1].get("/MCID", -1)) in orphans):
                orphans.discard(int(operands[1].MCID))
                operands = [pikepdf.Name.Artifact, pikepdf.Dictionary(Type=pikepdf.Name.Pagination)]
            operations.append((operands, operator))
        if orphans:
            raise RuntimeError("marked content %s of page %d not found" % (sorted(orphans), page.index + 1))
        page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(operations))
        for mcid, element in enumerate(list(marked)):
            if isinstance(element, pikepdf.Dictionary) and element.objgen not in reachable:
                marked[mcid] = pikepdf.Object.parse(b"null")
    output = io.BytesIO()
    pdf.save(output)
    return output.getvalue()


def main():
    if len(sys.argv) != 3:
        fail(2, "usage: render_pdf.py INPUT.html OUTPUT.pdf")
    html_path, pdf_path = sys.argv[1], sys.argv[2]
    weasyprint, tags, pikepdf = load_engine()
    try:
        data, keys = render(weasyprint, tags, html_path)
        data = finish(pikepdf, data, keys)
    except Exception as error:  # noqa: BLE001 (any failure is reported, and nothing written)
        fail(1, "WeasyPrint %s could not render the handout: %s: %s"
             % (weasyprint.__version__, type(error).__name__, error))
    temporary = pdf_path + ".part"
    with open(temporary, "wb") as file:
        file.write(data)
    os.replace(temporary, pdf_path)


if __name__ == "__main__":
    main()
