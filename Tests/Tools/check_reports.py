#!/usr/bin/env python3
"""Opens netexport's HTML reports (validate --report html, readability --report html) in
headless Chromium and reports, as JSON on stdout, one object per file:

- axe: axe-core's violations for WCAG 2.x A and AA, AAA contrast (color-contrast-enhanced) and
  best practices, run in the page (as check_handouts.py does for the handouts);
- reflow: the page's scroll width at 320 CSS px (WCAG 1.4.10: no sideways scrolling);
- requests: every resource the page loaded or tried to load (Resource Timing, after the page
  loaded) and every Content-Security-Policy violation it raised (recorded by a listener
  added before the page's own content runs), so a report that needs the network is caught;
- urls: every attribute value naming an http(s), protocol-relative or file URL, and every
  url( or @import in a style, read with Python's HTML parser (a URL shown as text is fine);
- screenshots: the whole page at 1280 and at 320 CSS px, as PNG files in OUTPUT_DIR.

Usage: check_reports.py OUTPUT_DIR REPORT.html [...]
Needs: chromium and chromedriver (Debian), selenium, and axe-core's axe.min.js as shipped in
the axe-playwright-python wheel (pip install --no-deps axe-playwright-python).
Called by the Swift test suite (NetexportCLITests/HTMLReportToolTests.swift).
"""
import base64
import html.parser
import json
import os
import re
import shutil
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from check_handouts import axe_source

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(
  {blockedURI: e.blockedURI, directive: e.violatedDirective}));
"""

AXE_RUN = (
    "const done = arguments[arguments.length - 1];"
    "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',"
    " 'wcag22aa', 'best-practice']}, rules: {'color-contrast-enhanced': {enabled: true}},"
    " resultTypes: ['violations']})"
    ".then(r => done({violations: r.violations.map(v => ({id: v.id, impact: v.impact,"
    " help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)})),"
    " version: axe.version})).catch(e => done({error: String(e)}));"
)

URL_PATTERN = re.compile(r"(?i)^\s*(https?:|//|file:|ftp:)")
STYLE_URL_PATTERN = re.compile(r"(?i)url\s*\(|@import")


class URLFinder(html.parser.HTMLParser):
    """Attribute values that name a URL to fetch or open, and url()/@import in styles."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self.in_style = False

    def handle_starttag(self, tag, attrs):
        self.in_style = tag == "style"
        for name, value in attrs:
            if value is None:
                continue
            if URL_PATTERN.search(value) or (name == "style" and STYLE_URL_PATTERN.search(value)):
                self.found.append("<%s %s=%r>" % (tag, name, value[:80]))
            if name in ("src", "srcset", "action", "formaction", "poster", "data", "xlink:href") :
                self.found.append("<%s %s=%r>" % (tag, name, value[:80]))
            if name == "href" and not value.startswith("#"):
                self.found.append("<%s href=%r>" % (tag, value[:80]))

    def handle_endtag(self, tag):
        if tag == "style":
            self.in_style = False

    def handle_data(self, data):
        if self.in_style and STYLE_URL_PATTERN.search(data):
            self.found.append("style: " + STYLE_URL_PATTERN.search(data).group(0))


def full_page_screenshot(driver, path, width):
    driver.set_window_size(width, 1000)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
    with open(path, "wb") as file:
        file.write(base64.b64decode(shot["data"]))
    return os.path.getsize(path)


def main():
    output_dir, files = sys.argv[1], sys.argv[2:]
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--force-device-scale-factor=1"):
        options.add_argument(argument)
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(service=service, options=options)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_VIOLATIONS})
    axe = axe_source()
    results = []
    try:
        for path in files:
            name = os.path.splitext(os.path.basename(path))[0]
            finder = URLFinder()
            with open(path, encoding="utf-8") as file:
                finder.feed(file.read())
            driver.set_window_size(1280, 1000)
            driver.get("file://" + os.path.abspath(path))
            requests = driver.execute_script(
                "return performance.getEntriesByType('resource').map(e => e.name);")
            violations = driver.execute_script("return window.__cspViolations || [];")
            driver.execute_script(axe)
            report = driver.execute_async_script(AXE_RUN)
            wide = os.path.join(output_dir, name + "-1280.png")
            wide_bytes = full_page_screenshot(driver, wide, 1280)
            driver.set_window_size(320, 1000)
            reflow = driver.execute_script(
                "return {scrollWidth: document.documentElement.scrollWidth,"
                " clientWidth: document.documentElement.clientWidth,"
                " innerWidth: window.innerWidth};")
            narrow = os.path.join(output_dir, name + "-320.png")
            narrow_bytes = full_page_screenshot(driver, narrow, 320)
            results.append({
                "file": path, "axe": report, "reflow": reflow, "requests": requests,
                "cspViolations": violations, "urls": finder.found,
                "screenshots": [wide, narrow], "screenshotBytes": [wide_bytes, narrow_bytes],
            })
    finally:
        driver.quit()
    json.dump(results, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
