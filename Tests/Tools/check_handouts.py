#!/usr/bin/env python3
"""Opens large-print HTML handouts in headless Chromium and reports, as JSON on stdout:

- axe-core's violations (WCAG 2.x A, AA and AAA rules, plus best practices such as
  heading-order), run in the page;
- computed-style problems axe does not check: text smaller than 24 CSS px (18 pt), justified
  text, italics, capitals by CSS, line height under 1.5 in paragraphs and lists, more than one
  column;
- reflow: whether the page scrolls sideways at 320 CSS px (WCAG 1.4.10);
- a screenshot at 1280 px and a print-to-PDF render, with the PDF's page count and text.

Usage: check_handouts.py OUTPUT_DIR HANDOUT.html [...]
Needs: chromium and chromedriver (Debian), selenium, and axe-core's axe.min.js as shipped in
the axe-playwright-python wheel (pip install --no-deps axe-playwright-python).
Called by the Swift test suite (NetexportExportersTests/RealToolTests.swift).
"""
import base64
import json
import os
import shutil
import subprocess
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def axe_source():
    import axe_playwright_python

    path = os.path.join(os.path.dirname(axe_playwright_python.__file__), "axe.min.js")
    with open(path, encoding="utf-8") as file:
        return file.read()


STYLE_CHECK = """
const problems = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
const seen = new Set();
while (walker.nextNode()) {
  const node = walker.currentNode;
  if (!node.textContent.trim()) continue;
  const element = node.parentElement;
  if (seen.has(element)) continue;
  seen.add(element);
  const style = getComputedStyle(element);
  const size = parseFloat(style.fontSize);
  const where = element.tagName.toLowerCase() + ': ' + node.textContent.trim().slice(0, 40);
  if (size < 24) problems.push('font-size ' + size + 'px < 24px at ' + where);
  if (style.textAlign === 'justify') problems.push('justified at ' + where);
  if (style.fontStyle !== 'normal') problems.push('font-style ' + style.fontStyle + ' at ' + where);
  if (style.textTransform !== 'none') problems.push('text-transform ' + style.textTransform + ' at ' + where);
  const lineHeight = style.lineHeight === 'normal' ? 1.2 * size : parseFloat(style.lineHeight);
  // WCAG 1.4.8 asks for 1.5 line spacing within paragraphs (headings are one or two lines).
  if (element.closest('p, li, dd, blockquote') && lineHeight < 1.5 * size - 0.01) problems.push('line-height ' + lineHeight + 'px < 1.5 × ' + size + 'px at ' + where);
  if (style.columnCount !== 'auto' && style.columnCount !== '1') problems.push('columns ' + style.columnCount + ' at ' + where);
}
return {problems: problems, bodyFontSize: parseFloat(getComputedStyle(document.body).fontSize),
        lang: document.documentElement.lang, dir: document.documentElement.dir, title: document.title};
"""


def main():
    output_dir, files = sys.argv[1], sys.argv[2:]
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--force-device-scale-factor=1"):
        options.add_argument(argument)
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(service=service, options=options)
    axe = axe_source()
    results = []
    try:
        for index, path in enumerate(files):
            name = "%02d-%s" % (index, os.path.basename(os.path.dirname(path)) or "handout")
            driver.set_window_size(1280, 1600)
            driver.get("file://" + os.path.abspath(path))
            driver.execute_script(axe)
            report = driver.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag2aaa', 'wcag21a',"
                " 'wcag21aa', 'wcag22aa', 'best-practice']}, resultTypes: ['violations']})"
                ".then(r => done({violations: r.violations.map(v => ({id: v.id, impact: v.impact,"
                " help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)})),"
                " version: axe.version})).catch(e => done({error: String(e)}));")
            style = driver.execute_script(STYLE_CHECK)
            screenshot = os.path.join(output_dir, name + ".png")
            driver.save_screenshot(screenshot)
            driver.set_window_size(320, 1600)
            reflow = driver.execute_script(
                "return {scrollWidth: document.documentElement.scrollWidth,"
                " clientWidth: document.documentElement.clientWidth};")
            pdf = os.path.join(output_dir, name + ".pdf")
            printed = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True,
                                                                 "displayHeaderFooter": False,
                                                                 "printBackground": True})
            with open(pdf, "wb") as file:
                file.write(base64.b64decode(printed["data"]))
            info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
            pages = next((int(line.split()[-1]) for line in info.splitlines() if line.startswith("Pages:")), 0)
            text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
            results.append({
                "file": path, "axe": report, "style": style, "reflow": reflow,
                "screenshot": screenshot, "screenshotBytes": os.path.getsize(screenshot),
                "pdf": pdf, "pdfPages": pages, "pdfText": text,
            })
    finally:
        driver.quit()
    json.dump(results, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
