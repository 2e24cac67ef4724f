"""The course website in a real browser, with the network closed.

Builds the site once (tools/build_site.py, as the README says), serves it on 127.0.0.1, and opens
every page in headless Chromium with every request to another address blocked and recorded. Each
page is visited once; the tests below read what that visit saw: the page's status, its console
errors, the requests that failed or tried to leave the site, the typeset equations, the images and
the dashboard's saved picture. Screenshots of the index, 03 and 04 (laptop and phone width) go to
test-artifacts/site/ (ignored by git).

It needs a Chromium or Chrome. Without one it is skipped on a student's or teacher's machine,
with the reason and how to get one; under CI (the CI variable set) a missing browser fails.
"""

import contextlib
import functools
import html.parser
import http.server
import importlib.util
import json
import re
import subprocess
import sys
import threading
import urllib.parse
from pathlib import Path

import pytest
from lab_browser import ROOT, run_chromium
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright
from test_browser import require_chromium  # skips without a browser, fails under CI

ARTIFACTS = ROOT / "test-artifacts" / "site"
NOTEBOOK_PAGES = [path.stem + ".html" for path in sorted((ROOT / "notebooks").glob("*.ipynb"))]
PAGES = ["index.html", *NOTEBOOK_PAGES, "readme.html", "instructors.html", "run_sheet.html", "contributing.html",
         "benchmarks.html"]
SCREENSHOTS = {"index.html": "index", "03_backpropagation.html": "equations_03",
               "04_symmetry_breaking.html": "dashboard_04"}
# TeX left as text: a display-math fence, or a backslash command such as \frac or \partial.
RAW_TEX = re.compile(r"\$\$|\\[A-Za-z]+")


def build_site_module():
    """tools/build_site.py as a module (tools/ is not a package)."""
    spec = importlib.util.spec_from_file_location("build_site", ROOT / "tools" / "build_site.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_without_network_or_cache_the_build_names_the_package_and_where_to_put_it(tmp_path):
    build_site = build_site_module()
    pin = dict(build_site.npm_pins()[0], tarball="http://127.0.0.1:9/requirejs.tgz")  # nothing listens there
    with pytest.raises(build_site.BuildError, match=r"cannot download requirejs .* put the tarball .* at .*\.tgz"):
        build_site.cached_tarball(pin, tmp_path)


def test_a_tarball_that_does_not_match_its_pinned_sha512_is_refused(tmp_path):
    build_site = build_site_module()
    pin = build_site.npm_pins()[0]
    tarball = tmp_path / f"{pin['name']}-{pin['version']}.tgz"
    tarball.write_bytes(b"not the package")
    with pytest.raises(build_site.BuildError, match="does not match its pinned integrity"):
        build_site.cached_tarball(pin, tmp_path)


def test_the_build_refuses_a_folder_it_did_not_make(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    result = subprocess.run([sys.executable, ROOT / "tools" / "build_site.py", tmp_path, "--student-copies",
                             ROOT / "notebooks"], capture_output=True, text=True)
    assert result.returncode == 2 and "was not built by this tool" in result.stderr
    assert (tmp_path / "notes.txt").read_text() == "mine"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The site, built by the README's command into a fresh folder. Until student/ is committed,
    the student copies are written for the build by tools/student_copies.py."""
    folder = tmp_path_factory.mktemp("site")
    student = ROOT / "student"
    if not student.is_dir():
        student = folder / "student-copies"
        subprocess.run([sys.executable, ROOT / "tools" / "student_copies.py", student], check=True,
                       capture_output=True)
    build = subprocess.run([sys.executable, ROOT / "tools" / "build_site.py", folder / "_site",
                            "--student-copies", student], capture_output=True, text=True)
    assert build.returncode == 0, build.stdout + build.stderr
    return folder / "_site"


@pytest.fixture(scope="module")
def server(site):
    """A static web server for the site on 127.0.0.1; yields its address."""
    handler = functools.partial(QuietHandler, directory=str(site))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as httpd:
        thread = threading.Thread(target=httpd.serve_forever, daemon=True)
        thread.start()
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
        httpd.shutdown()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def visit(context, url: str, site_address: str, width: int, screenshot: str | None) -> dict:
    """Open `url` and wait until its equations and widgets are drawn; returns what the page showed."""
    record = {"console_errors": [], "failed": [], "left_the_site": []}
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    page.on("console", lambda message: message.type == "error" and record["console_errors"].append(message.text))
    page.on("pageerror", lambda error: record["console_errors"].append(str(error)))
    page.on("response", lambda response: response.status >= 400 and record["failed"].append(
        f"{response.status} {response.url}"))
    page.on("requestfailed", lambda request: request.url.startswith(site_address) and record["failed"].append(
        f"{request.failure} {request.url}"))
    response = page.goto(url, wait_until="load")
    record["status"] = response.status
    # MathJax 3 has typeset the page once its startup promise resolves; the widget renderer has drawn
    # a dashboard once its picture is there. Neither may ever happen on a broken site: the checks
    # below then say what is missing.
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function("window.MathJax && MathJax.startup && MathJax.startup.promise", timeout=10_000)
        page.evaluate("MathJax.startup.promise")
    if page.locator('script[type="application/vnd.jupyter.widget-view+json"]').count():
        with contextlib.suppress(PlaywrightTimeout):
            page.wait_for_selector(".jupyter-widgets img", state="attached", timeout=10_000)
    # Then the fonts the page uses (MathJax's, the widgets' icons) and every image have arrived.
    page.evaluate("document.fonts.ready.then(() => true)")
    page.wait_for_function("[...document.images].every(image => image.complete)", timeout=10_000)
    record["equations"] = page.locator("mjx-container").count()
    record["markdown_text"] = page.evaluate("""() => [...document.querySelectorAll('.jp-RenderedMarkdown')]
        .map(cell => { const copy = cell.cloneNode(true);
                       copy.querySelectorAll('code, pre, mjx-container').forEach(e => e.remove());
                       return copy.textContent; }).join('\\n')""")
    page.evaluate("document.querySelectorAll('details').forEach(folded => { folded.open = true; })")  # solutions
    # each kind of widget text, and the font JupyterLab gives widgets (its interface font)
    record["widget_fonts"] = page.evaluate("""() => {
        const probe = document.createElement('span');
        probe.style.fontFamily = 'var(--jp-ui-font-family)';
        document.body.appendChild(probe);
        const interface_ = getComputedStyle(probe).fontFamily;
        probe.remove();
        const kinds = ['.widget-label', '.widget-html-content', '.widget-readout', '.widget-toggle-button',
                       '.widget-dropdown select'];
        return {interface: interface_, widgets: Object.fromEntries(kinds
            .map(kind => [kind, document.querySelector('.jupyter-widgets ' + kind)])
            .filter(([, element]) => element).map(([kind, element]) => [kind, getComputedStyle(element).fontFamily]))};
    }""")
    # how many widget boxes, and those whose content is wider than they are (they scroll sideways)
    record["widget_boxes"] = page.locator(".jupyter-widgets").count()
    record["widgets_scrolling_sideways"] = page.evaluate("""() => [...document.querySelectorAll('.jupyter-widgets')]
        .filter(box => box.scrollWidth > box.clientWidth)
        .map(box => `${[...box.classList].join('.')}: ${box.scrollWidth} px of content in ${box.clientWidth} px`)""")
    record["images"] = page.evaluate("""() => [...document.images].map(img => {
        img.scrollIntoView(); const box = img.getBoundingClientRect();
        return {src: img.src.slice(0, 60), natural_width: img.naturalWidth, width: box.width, height: box.height,
                visible: box.width > 0 && box.height > 0 && getComputedStyle(img).visibility === 'visible',
                dashboard: img.closest('.jupyter-widgets') !== null}; })""")
    if screenshot:
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(ARTIFACTS / f"{screenshot}_{width}px.png"), full_page=False)
        if screenshot.startswith("dashboard"):
            dashboard = page.locator(".jupyter-widgets img")
            if dashboard.count():
                dashboard.first.scroll_into_view_if_needed()
                page.screenshot(path=str(ARTIFACTS / f"{screenshot}_{width}px_picture.png"))
    page.close()
    return record


@pytest.fixture(scope="module")
def visits(server, request, tmp_path_factory) -> dict[str, dict]:
    """Every page, visited once at laptop width with requests outside the site blocked and recorded
    (the index, 03 and 04 also at phone width, for their screenshots)."""
    chromium = require_chromium(request.node.name)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    records = {}
    with run_chromium(chromium, tmp_path_factory.mktemp("chromium")) as address, \
            sync_playwright() as playwright:
        browser = playwright.chromium.connect_over_cdp(address)
        context = browser.new_context()
        left_the_site = []

        def only_the_site(route):
            if route.request.url.startswith(server + "/"):
                route.continue_()
            else:
                left_the_site.append(route.request.url)
                route.abort()

        context.route("**/*", only_the_site)
        for name in PAGES:
            before = len(left_the_site)
            records[name] = visit(context, f"{server}/{name}", server, 1280, SCREENSHOTS.get(name))
            if name in SCREENSHOTS:
                records[f"{name} at 390px"] = visit(context, f"{server}/{name}", server, 390, SCREENSHOTS[name])
            records[name]["left_the_site"] = left_the_site[before:]
        context.close()
    return records


@pytest.mark.parametrize("name", PAGES)
def test_page_loads_without_errors_and_asks_nothing_of_another_site(visits, name):
    record = visits[name]
    assert record["status"] == 200
    assert record["left_the_site"] == [], "requests outside the site (blocked)"
    assert record["failed"] == [], "requests that failed inside the site"
    assert record["console_errors"] == []


@pytest.mark.parametrize("name", PAGES)
def test_equations_are_typeset_and_no_tex_is_left_as_text(visits, name):
    record = visits[name]
    leftover = sorted(set(RAW_TEX.findall(record["markdown_text"])))
    assert leftover == [], f"TeX shown as text: {leftover}"
    if name in ("03_backpropagation.html", "math_primer.html"):  # pages with many equations
        assert record["equations"] >= 20


@pytest.mark.parametrize("name", PAGES)
def test_every_image_is_visible(visits, name):
    record = visits[name]
    hidden = [image for image in record["images"] if not (image["visible"] and image["natural_width"] > 0)]
    assert hidden == []


def test_the_dashboards_text_is_in_jupyterlabs_interface_font_not_the_browsers_default(visits):
    fonts = visits["04_symmetry_breaking.html"]["widget_fonts"]
    assert len(fonts["widgets"]) == 5, f"the dashboard's kinds of text found: {sorted(fonts['widgets'])}"
    other = {kind: family for kind, family in fonts["widgets"].items() if family != fonts["interface"]}
    assert other == {}, f"not in the interface font {fonts['interface']!r}"


WIDGET_VISITS = ["01_perceptron.html", "04_symmetry_breaking.html", "04_symmetry_breaking.html at 390px"]


@pytest.mark.parametrize("visit", WIDGET_VISITS)
def test_no_box_of_a_widget_scrolls_sideways_on_a_laptop_or_a_phone(visits, visit):
    # a box that scrolls is pushed sideways by a swipe, and its labels lose their first letters
    assert visits[visit]["widget_boxes"] > 0, "no widget drawn on this page"
    assert visits[visit]["widgets_scrolling_sideways"] == []


class Addresses(html.parser.HTMLParser):
    """The href and src addresses of a page, and the addresses its download links offer."""

    def __init__(self):
        super().__init__()
        self.addresses, self.downloads = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.addresses += [attrs[name] for name in ("href", "src") if attrs.get(name)]
        if tag == "a" and "download" in attrs:
            self.downloads.append(attrs["href"])


def addresses(page: Path) -> Addresses:
    parser = Addresses()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_every_link_and_script_inside_the_site_leads_to_one_of_its_files(site):
    broken = []
    for page in sorted(site.glob("*.html")):
        for address in addresses(page).addresses:
            path = urllib.parse.urlsplit(address).path
            if urllib.parse.urlsplit(address).scheme or not path:  # another site, or an anchor on the page
                continue
            if not (site / urllib.parse.unquote(path)).is_file():
                broken.append(f"{page.name}: {address}")
    assert broken == []


def test_each_notebook_page_offers_the_notebook_and_its_student_copy(site):
    for notebook in sorted((ROOT / "notebooks").glob("*.ipynb")):
        downloads = addresses(site / f"{notebook.stem}.html").downloads
        assert downloads == [f"notebooks/{notebook.name}", f"student/{notebook.name}"] * 2  # above and below
        assert (site / "notebooks" / notebook.name).read_bytes() == notebook.read_bytes()
        student = json.loads((site / "student" / notebook.name).read_text(encoding="utf-8"))
        assert all(cell.get("outputs", []) == [] for cell in student["cells"]), f"{notebook.name}: outputs"


def test_solutions_are_folded_until_the_reader_opens_them(site):
    for notebook in sorted((ROOT / "notebooks").glob("*.ipynb")):
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        solutions = sum("solution" in cell["metadata"].get("tags", []) for cell in cells)
        page = (site / f"{notebook.stem}.html").read_text(encoding="utf-8")
        folded = re.findall(r'<details class="site-solution">(.*?)</details>', page, re.S)
        assert len(folded) == solutions, notebook.name
        assert all("celltag_solution" in cell for cell in folded), notebook.name


def test_notebooks_show_their_figures_and_04_its_dashboard_picture(visits):
    """Every notebook but the math primer (equations only) draws figures."""
    figures = {name: len(visits[name]["images"]) for name in NOTEBOOK_PAGES if name != "math_primer.html"}
    assert all(count > 0 for count in figures.values()), figures
    dashboard = [image for image in visits["04_symmetry_breaking.html"]["images"] if image["dashboard"]]
    assert len(dashboard) == 1 and dashboard[0]["natural_width"] >= 300 and dashboard[0]["height"] >= 200
