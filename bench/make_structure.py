"""``python -m bench.make_structure``: regenerate the reviewed Markdown and HTML of the
pages whose structure matters (``samples/structure/``).

These golden files are our own output, reviewed by eye when they change: the test
(``tests/test_structure_golden.py``) fails on any difference, and this script writes
the new output so that the diff can be read and committed.
"""

from __future__ import annotations

from pathlib import Path

from scraper import extract

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "samples" / "structure"
# name -> (page, URL it is extracted under)
PAGES: dict[str, tuple[Path, str]] = {
    "structure": (ROOT.parent / "shared" / "pages" / "structure.html",
                  "https://www.gl.gov.cn/zwgk/tzgg/202407/t20240715_1.html"),
    "seed-fznews-gbk": (ROOT / "samples" / "pages" / "seed-fznews-gbk" / "source.html",
                        "https://www.fznews.com.cn/fzxw/20240806/66b17d8e3f4b2.shtml"),
    "seed-fznews-tables": (ROOT / "samples" / "pages" / "seed-fznews-tables" / "source.html",
                           "https://www.fznews.com.cn/fzxw/20240806/66b17d8e3f4b3.shtml"),
    "aeb-sciencealert-14cc2a0c": (
        ROOT / "samples" / "pages" / "aeb-sciencealert-14cc2a0c" / "source.html",
        "https://www.sciencealert.com/nasa-finds-water-plumes-above-the-surface-of-jupiter-s-icy-moon-europa"),
}


def render(name: str) -> tuple[str, str]:
    page, url = PAGES[name]
    article = extract(page.read_bytes(), url=url, markdown=True, html=True)
    return article.markdown or "", article.html or ""


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name in PAGES:
        markdown, html = render(name)
        (OUT / f"{name}.md").write_text(markdown + "\n", encoding="utf-8")
        (OUT / f"{name}.html").write_text(html + "\n", encoding="utf-8")
        print(f"{name}: {len(markdown)} chars of Markdown, {len(html)} of HTML")


if __name__ == "__main__":
    main()
