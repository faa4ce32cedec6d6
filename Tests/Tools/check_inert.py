#!/usr/bin/env python3
"""Opens large-print HTML handouts in headless Chromium, waits for what a page could run on its
own (an image's error handler, a focus handler on an autofocused element), and reports, as JSON
on stdout, one object per handout:

- title: document.title after the wait (a handler that ran would have changed it);
- h1: the text of the first h1;
- tags: the names of every element in the DOM, in document order;
- handlers: every attribute whose name starts with "on", or is "autofocus", as "tag@name";
- scripts: the number of script elements.

Usage: check_inert.py HANDOUT.html [...]
Needs: chromium and chromedriver (Debian), and selenium (pip).
Called by the Swift test suite (NetexportExportersTests/RealToolTests.swift).
"""
import json
import os
import shutil
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

REPORT = """
const done = arguments[arguments.length - 1];
// Long enough for a missing image's error event and an autofocus focus event.
setTimeout(() => {
  const elements = Array.from(document.querySelectorAll('*'));
  const handlers = [];
  for (const element of elements) {
    for (const attribute of element.attributes) {
      if (attribute.name.startsWith('on') || attribute.name === 'autofocus') {
        handlers.push(element.tagName.toLowerCase() + '@' + attribute.name);
      }
    }
  }
  const h1 = document.querySelector('h1');
  done({title: document.title, h1: h1 ? h1.textContent : null,
        tags: elements.map(e => e.tagName.toLowerCase()), handlers: handlers,
        scripts: document.scripts.length});
}, 1000);
"""


def main():
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(service=service, options=options)
    results = []
    try:
        for path in sys.argv[1:]:
            driver.get("file://" + os.path.abspath(path))
            report = driver.execute_async_script(REPORT)
            report["file"] = path
            results.append(report)
    finally:
        driver.quit()
    json.dump(results, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
