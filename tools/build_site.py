"""Build the course website: every notebook with its saved outputs, the README, the instructor's guide and
the developers' guide, as static pages that open with no network at all.

    uv run --group site python tools/build_site.py [DEST]      # DEST defaults to _site/

Open DEST/index.html through any static web server (`python -m http.server -d _site`), or publish
DEST as it is (.github/workflows/pages.yml does, on GitHub Pages).

What a page needs, the site carries: the figures are inside the pages (nbconvert embeds them), and
the three scripts a page loads come from the npm registry, pinned in tools/site/npm-packages.json
(require.js, @jupyter-widgets/html-manager, which draws the dashboards' saved state, and MathJax 3
with its fonts). Each tarball is downloaded once into ~/.cache/hidden-neurons-site/ (under
$XDG_CACHE_HOME when that is set), checked against the registry's sha512, and unpacked into
DEST/_static/. Without network, a cached copy is enough; with neither, the build stops and names
what is missing and where to put it. MathJax 3 rather than the
MathJax 2 nbconvert configures: one script and its fonts, where MathJax 2 loads its configuration,
input, output and font files one by one.

Why nbconvert and not Sphinx + myst-nb: nbconvert is already in the course environment (JupyterLab
brings it), it is the renderer `jupyter nbconvert --to html` and JupyterLab's own export use, and it
writes the saved widget state into the page as it is. Sphinx + myst-nb renders the same notebooks
(checked for issue 23) but adds a dozen packages and a theme for a site of fourteen pages.

The student copies behind the "Student copy" link come from the repository's student/ folder
(or the folder given with --student-copies); the build stops with a clear message when it is missing.
Standard library and nbconvert only.
"""

import argparse
import base64
import fnmatch
import hashlib
import html
import json
import os
import re
import shutil
import sys
import tarfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
STUDENT_COPIES = ROOT / "student"
SITE_FILES = Path(__file__).resolve().parent / "site"
NPM_PINS = SITE_FILES / "npm-packages.json"
CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "hidden-neurons-site"
MARKER = ".hidden-neurons-site"  # written into DEST, so that a rebuild only ever clears a folder it made
COURSE_TITLE = "What makes hidden neurons different?"
# The Markdown files that become pages: their page, and their line on the index (None: reached
# only through the links of the other pages).
DOCUMENTS = {"README.md": ("readme.html", "How to run the course (the README)"),
             "INSTRUCTORS.md": ("instructors.html", "Instructor's guide"),
             "RUN_SHEET.md": ("run_sheet.html", "Run sheet of the 75-minute class (one printed page)"),
             "CONTRIBUTING.md": ("contributing.html", "Working on the course (the developers' guide)"),
             "benchmarks/README.md": ("benchmarks.html", None)}


class BuildError(Exception):
    """Something the build cannot do, said in a sentence a maintainer can act on."""


# --- The scripts a page loads, from the npm registry -------------------------------------------

def npm_pins() -> list[dict]:
    return json.loads(NPM_PINS.read_text())["packages"]


def matches_integrity(data: bytes, integrity: str) -> bool:
    """Whether `data` has the npm `integrity` string's hash ("sha512-<base64>")."""
    algorithm, _, expected = integrity.partition("-")
    return base64.b64encode(hashlib.new(algorithm, data).digest()).decode() == expected


def cached_tarball(pin: dict, cache: Path = CACHE) -> Path:
    """The package's tarball in the cache, downloaded first if it is not there; always checked."""
    path = cache / f"{pin['name'].replace('/', '+')}-{pin['version']}.tgz"
    if not path.exists():
        try:
            with urllib.request.urlopen(pin["tarball"], timeout=60) as response:
                data = response.read()
        except OSError as error:
            raise BuildError(
                f"cannot download {pin['name']} {pin['version']} from {pin['tarball']} ({error}), and it is not "
                f"in the cache. The site needs these npm packages: "
                + ", ".join(f"{p['name']}@{p['version']}" for p in npm_pins())
                + f". Connect to the network once, or put the tarball {pin['tarball']} at {path}.") from None
        if not matches_integrity(data, pin["integrity"]):
            raise BuildError(f"{pin['tarball']} does not match its pinned integrity {pin['integrity']} "
                             f"(tools/site/npm-packages.json); nothing was cached")
        cache.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part")
        partial.write_bytes(data)
        partial.replace(path)
    elif not matches_integrity(path.read_bytes(), pin["integrity"]):
        raise BuildError(f"the cached {path} does not match its pinned integrity {pin['integrity']}: "
                         f"delete it and build again to download it afresh")
    return path


def unpack(pin: dict, tarball: Path, static: Path) -> None:
    """Copy the files the site needs from the package (npm tarballs keep them under package/)
    into the folders the pin list names, inside static/<site_folder>/."""
    with tarfile.open(tarball) as archive:
        members = [m for m in archive.getmembers() if m.isfile() and m.name.startswith("package/")]
        for pattern, folder in pin["files"]:
            chosen = [m for m in members if fnmatch.fnmatchcase(m.name.removeprefix("package/"), pattern)]
            if not chosen:
                raise BuildError(f"{pin['name']} {pin['version']} has no file matching {pattern!r} "
                                 f"(tools/site/npm-packages.json)")
            for member in chosen:
                destination = static / pin["site_folder"] / folder / Path(member.name).name
                destination.parent.mkdir(parents=True, exist_ok=True)
                destination.write_bytes(archive.extractfile(member).read())


# --- Pages --------------------------------------------------------------------------------------

def notebook_title(notebook) -> str:
    """The notebook's first heading, without its '#'."""
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    raise BuildError("a notebook of the site has no '# Title' heading in its markdown cells")


def site_links(page: str, pages: dict[str, str]) -> str:
    """The page's links to notebooks and documents of the repository, pointed at their pages on the
    site. Links to anything else, and the download links, are left as they are."""
    def relink(match: re.Match) -> str:
        target, anchor = match.group(2), match.group(3) or ""
        name = target.removeprefix("../").removeprefix("./").removeprefix("notebooks/")
        return f'{match.group(1)}"{pages[name]}{anchor}"' if name in pages else match.group(0)

    def relink_tag(tag: re.Match) -> str:
        if re.search(r"\sdownload[\s=>]", tag.group(0)):
            return tag.group(0)
        return re.sub(r'(href=)"([^"#:]+)(#[^"]*)?"', relink, tag.group(0))
    return re.sub(r"<a\s[^>]*>", relink_tag, page)


def without_outside_images(page: str) -> str:
    """Images from other sites (the README's Binder badge) replaced by their alt text: the site
    makes no request outside itself. Their links stay."""
    def alt_text(match: re.Match) -> str:
        alt = re.search(r'alt="([^"]*)"', match.group(0))
        return f"<span>{alt.group(1) if alt else 'image'}</span>"
    return re.sub(r'<img\b[^>]*\bsrc="(?:https?:)?//[^"]*"[^>]*>', alt_text, page)


def markdown_notebook(text: str):
    """A Markdown file as a one-cell notebook, so that it goes through the same page template."""
    import nbformat

    notebook = nbformat.v4.new_notebook()
    notebook.cells.append(nbformat.v4.new_markdown_cell(text, id="document"))  # the same page every build
    return notebook


def exporter():
    from nbconvert import HTMLExporter

    page = HTMLExporter(template_name="course", extra_template_basedirs=[str(SITE_FILES / "templates")])
    page.require_js_url = "_static/requirejs/require.js"
    page.widget_renderer_url = "_static/html-manager/embed-amd.js"
    return page


def render(page_exporter, notebook, site: dict, pages: dict[str, str]) -> str:
    body, _ = page_exporter.from_notebook_node(notebook, resources={"site": site})
    return without_outside_images(site_links(body, pages))


def index_text(entries: list[tuple[str, str]], documents: list[tuple[str, str]]) -> str:
    """The index page, as Markdown: the notebooks in order, then the documents about the course."""
    lines = [f"# {COURSE_TITLE}", "",
             "A series of Jupyter notebooks on one question: every hidden neuron of a layer sees the same "
             "input, so what makes them different from each other? Each page below shows a notebook with "
             "its saved outputs; each page links to the notebook itself and to its student copy (no "
             "outputs, no solutions) to run on your own machine or a class hub.", "", "## The notebooks", ""]
    lines += [f"- [{html.escape(title)}]({href})" for title, href in entries]
    lines += ["", "## About the course", ""]
    lines += [f"- [{title}]({href})" for title, href in documents]
    return "\n".join(lines) + "\n"


# --- The build ----------------------------------------------------------------------------------

def prepare_destination(dest: Path) -> None:
    """An empty DEST: a folder this tool built before is cleared, anything else is refused."""
    if dest.resolve() in (ROOT, *ROOT.parents) or dest.resolve() == NOTEBOOKS:
        raise BuildError(f"DEST: {dest} is the repository or one of its parents or notebooks/; "
                         f"give a folder of its own (the default is _site/)")
    if dest.exists():
        if not dest.is_dir():
            raise BuildError(f"DEST: {dest} is a file; give a folder (new, empty, or a site built before)")
        if any(dest.iterdir()) and not (dest / MARKER).exists():
            raise BuildError(f"DEST: {dest} is not empty and was not built by this tool; give a new or empty "
                             f"folder, or a site built before (it has a {MARKER} file)")
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    (dest / MARKER).write_text("Built by tools/build_site.py; rebuilding clears this folder.\n")


def check_student_copies(student_copies: Path, notebooks: list[Path]) -> None:
    """Stop with a clear message unless `student_copies` holds a copy of every notebook."""
    missing = [path.name for path in notebooks if not (student_copies / path.name).is_file()]
    if not student_copies.is_dir() or missing:
        problem = "does not exist" if not student_copies.is_dir() else f"has no {', '.join(missing)}"
        raise BuildError(
            f"student copies: {student_copies} {problem}. The site links every notebook's student copy from "
            f"there; write them with `uv run python tools/student_copies.py {student_copies}` (or name another "
            f"folder with --student-copies)")


def build(dest: Path, student_copies: Path = STUDENT_COPIES, cache: Path = CACHE) -> list[Path]:
    """Build the site into `dest`; returns the pages written."""
    import nbformat

    notebooks = sorted(NOTEBOOKS.glob("*.ipynb"))
    check_student_copies(student_copies, notebooks)
    tarballs = [(pin, cached_tarball(pin, cache)) for pin in npm_pins()]  # before anything is deleted

    prepare_destination(dest)
    for pin, tarball in tarballs:
        unpack(pin, tarball, dest / "_static")
    pages = {path.name: path.stem + ".html" for path in notebooks}
    pages |= {name: href for name, (href, _) in DOCUMENTS.items()}
    site = {"course_title": COURSE_TITLE, "widgets_base_url": "_static/html-manager/",
            "mathjax_url": "_static/mathjax/tex-chtml-full.js"}
    page_exporter = exporter()
    written = []

    def write(href: str, notebook, page_site: dict) -> None:
        written.append(dest / href)
        written[-1].write_text(render(page_exporter, notebook, page_site, pages), encoding="utf-8")

    # Each notebook: its page, linked to its neighbours, with the notebook and its student copy beside it.
    (dest / "notebooks").mkdir()
    (dest / "student").mkdir()
    loaded = [nbformat.read(path, as_version=4) for path in notebooks]
    titles = [notebook_title(notebook) for notebook in loaded]
    links = [{"title": title, "href": pages[path.name]} for title, path in zip(titles, notebooks, strict=True)]
    for i, (path, notebook) in enumerate(zip(notebooks, loaded, strict=True)):
        shutil.copyfile(path, dest / "notebooks" / path.name)
        shutil.copyfile(student_copies / path.name, dest / "student" / path.name)
        notebook.metadata["title"] = titles[i]
        write(pages[path.name], notebook, site | {
            "previous": links[i - 1] if i > 0 else None, "next": links[i + 1] if i + 1 < len(links) else None,
            "notebook": f"notebooks/{path.name}", "student_copy": f"student/{path.name}"})

    # The Markdown documents, then the index.
    documents = []
    for name, (href, label) in DOCUMENTS.items():
        notebook = markdown_notebook((ROOT / name).read_text(encoding="utf-8"))
        notebook.metadata["title"] = notebook_title(notebook)
        write(href, notebook, site)
        if label:
            documents.append((label, href))
    index = markdown_notebook(index_text([(link["title"], link["href"]) for link in links], documents))
    index.metadata["title"] = COURSE_TITLE
    write("index.html", index, site)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dest", nargs="?", default=str(ROOT / "_site"), type=Path,
                        help="folder to build the site into (default: _site/ in the repository)")
    parser.add_argument("--student-copies", default=STUDENT_COPIES, type=Path,
                        help="folder holding the student copies (default: student/ in the repository)")
    args = parser.parse_args(argv)
    try:
        pages = build(args.dest, args.student_copies)
    except BuildError as error:
        print(f"build_site.py: {error}", file=sys.stderr)
        return 2
    print(f"{len(pages)} pages in {args.dest}; open {args.dest / 'index.html'} through a web server, "
          f"e.g. `python -m http.server -d {args.dest}`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
