"""The demo portal (samples/demo-portal) served from 127.0.0.1 for crawl tests.

``Portal`` copies the portal's articles file into a temporary directory, serves it on
a free port, and writes a crawl config derived from samples/demo-portal/config.toml
(same sites, this port, fast settings, output and state in the temporary directory).
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import threading
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

DEMO = Path(__file__).resolve().parent.parent / "samples" / "demo-portal"
DEMO_PORT = 8765


def load_serve() -> ModuleType:
    spec = importlib.util.spec_from_file_location("demo_portal_serve", DEMO / "serve.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


serve = load_serve()


class Portal:
    """A running demo portal plus a crawl config pointing at it."""

    def __init__(self, root: Path, *, delay: float = 0.0, articles: list[dict[str, Any]] | None = None,
                 crawl: dict[str, Any] | None = None) -> None:
        self.root = root
        self.data = root / "articles.json"
        document = json.loads((DEMO / "articles.json").read_text(encoding="utf-8"))
        if articles is not None:
            document["articles"] = articles
        self.data.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        self.server = serve.make_server(self.data, delay=delay)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.config = root / "config.toml"
        self.config.write_text(self._config_text(crawl or {}), encoding="utf-8")

    def _config_text(self, crawl: dict[str, Any]) -> str:
        text = (DEMO / "config.toml").read_text(encoding="utf-8")
        text = text.replace(f"127.0.0.1:{DEMO_PORT}", f"127.0.0.1:{self.port}")
        settings = {"per_host_delay": "0.0", "retries": "0", "max_attempts": "2", "timeout": "5",
                    **{k: str(v) for k, v in crawl.items()}}
        for key, value in settings.items():
            text, count = re.subn(rf"(?m)^{key} = .*$", f"{key} = {value}", text)
            if not count:
                text = text.replace("[crawl]\n", f"[crawl]\n{key} = {value}\n", 1)
        return text

    def __enter__(self) -> Portal:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)

    def add_article(self, **fields: Any) -> dict[str, Any]:
        document = json.loads(self.data.read_text(encoding="utf-8"))
        document["articles"].append(fields)
        self.data.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        return fields

    def records(self) -> list[dict[str, Any]]:
        """Every record in every output file under the portal's directory."""
        out = []
        for path in sorted((self.root / "data").rglob("*.jsonl")):
            with path.open(encoding="utf-8") as stream:
                out += [json.loads(line) for line in stream]
        return out

    def hits(self, path: str) -> int:
        return self.server.portal.hits.get(path, 0)

    def total_hits(self) -> int:
        return sum(self.server.portal.hits.values())

    def requests(self) -> list[tuple[str, dict[str, str]]]:
        """Every request so far, in arrival order: (path and query, lower-case headers)."""
        with self.server.portal.lock:
            return list(self.server.portal.requests)

    def requested(self) -> Counter[str]:
        """Requests so far per target (path and query: page 2 of an article is its own)."""
        return Counter(target for target, _ in self.requests())


def demo_articles() -> list[dict[str, Any]]:
    return list(json.loads((DEMO / "articles.json").read_text(encoding="utf-8"))["articles"])


def expected_urls(portal: Portal, articles: list[dict[str, Any]]) -> set[str]:
    """The URLs a full crawl must write: every article but failing and duplicate ones."""
    base = f"http://127.0.0.1:{portal.port}"
    return {base + serve.Item(**a).path for a in articles if not a.get("fail") and not a.get("same_as")}
