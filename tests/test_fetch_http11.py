"""The fetcher's own HTTP/1.1 connections and per-host pools (scraper/fetch/http11.py,
scraper/fetch/pool.py), driven through httpx.AsyncClient against loopback servers."""

from __future__ import annotations

import asyncio
import shutil
import ssl
import subprocess
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import TypeVar

import httpx
import pytest

from loopback import Exchange, Handler, LoopbackServer, respond
from scraper.fetch import Fetcher
from scraper.fetch.pool import HostPoolTransport

T = TypeVar("T")
PAGE = b"<html><body><p>Page.</p></body></html>"


def client_port(headers: dict[str, str] | None = None) -> Handler:
    """Answer with the client's port: which connection the request came on."""
    def handler(ex: Exchange) -> None:
        ex.send(200, str(ex.client_address[1]).encode(), headers=headers)
    return handler


def with_transport(run: Callable[[httpx.AsyncClient], Awaitable[T]], **options: object) -> T:
    async def main() -> T:
        transport = HostPoolTransport(**{"per_host": 1, **options})  # type: ignore[arg-type]
        async with httpx.AsyncClient(transport=transport, timeout=2.0) as client:
            return await run(client)
    return asyncio.run(main())


async def _ports(client: httpx.AsyncClient, url: str, pause: float = 0.0) -> list[str]:
    ports = []
    for _ in range(2):
        ports.append((await client.get(url)).text)
        await asyncio.sleep(pause)
    return ports


def test_keep_alive_connection_carries_the_next_request(loopback: LoopbackServer) -> None:
    url = loopback.route("/port", client_port())
    first, second = with_transport(lambda client: _ports(client, url))
    assert first == second


@pytest.mark.parametrize("why, headers, options, pause", [
    ("connection-close", {"Connection": "close"}, {}, 0.0),
    ("past-keepalive-expiry", None, {"keepalive_expiry": 0.05}, 0.1),
])
def test_connection_is_not_reused(loopback: LoopbackServer, why: str,
                                  headers: dict[str, str] | None, options: dict[str, object],
                                  pause: float) -> None:
    url = loopback.route("/port", client_port(headers))
    first, second = with_transport(lambda client: _ports(client, url, pause), **options)
    assert first.isdigit() and second.isdigit() and first != second


def test_abandoned_body_closes_its_connection(loopback: LoopbackServer) -> None:
    def big(ex: Exchange) -> None:
        ex.send(200, b"x" * 2_000_000, headers={"X-Port": str(ex.client_address[1])})
    big_url = loopback.route("/big", big)
    port_url = loopback.route("/port", client_port())

    async def run(client: httpx.AsyncClient) -> tuple[str, str]:
        async with client.stream("GET", big_url) as response:
            async for _chunk in response.aiter_raw():
                break   # read one chunk, leave the rest
        return response.headers["x-port"], (await client.get(port_url)).text

    abandoned, next_one = with_transport(run)
    assert abandoned != next_one


def test_unread_empty_body_keeps_its_connection(loopback: LoopbackServer) -> None:
    def moved(ex: Exchange) -> None:
        ex.send(302, headers={"Location": "/elsewhere", "X-Port": str(ex.client_address[1])})
    moved_url = loopback.route("/moved", moved)
    port_url = loopback.route("/port", client_port())

    async def run(client: httpx.AsyncClient) -> tuple[str, str]:
        async with client.stream("GET", moved_url) as response:
            pass   # a redirect: its (empty) body is never read
        return response.headers["x-port"], (await client.get(port_url)).text

    redirected, next_one = with_transport(run)
    assert redirected == next_one


def test_informational_response_is_skipped(loopback: LoopbackServer) -> None:
    def early_hints(ex: Exchange) -> None:
        ex.wfile.write(b"HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n")
        ex.send(200, PAGE)
    url = loopback.route("/hints", early_hints)

    async def run(client: httpx.AsyncClient) -> tuple[int, bytes]:
        response = await client.get(url)
        return response.status_code, response.content

    assert with_transport(run) == (200, PAGE)


def test_close_without_an_answer_is_a_protocol_error(loopback: LoopbackServer) -> None:
    def hang_up(ex: Exchange) -> None:
        ex.close_connection = True
    url = loopback.route("/hang-up", hang_up)

    async def run(client: httpx.AsyncClient) -> None:
        await client.get(url)

    with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
        with_transport(run)


def test_pool_holds_at_most_one_more_than_the_host_concurrency(
        loopback: LoopbackServer) -> None:
    url = loopback.route("/slow", respond(PAGE, delay=0.1))

    async def run(client: httpx.AsyncClient) -> list[int]:
        responses = await asyncio.gather(*(client.get(url) for _ in range(6)))
        return [r.status_code for r in responses]

    assert with_transport(run, per_host=1) == [200] * 6
    assert loopback.max_in_flight == 2


# -- TLS ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A throwaway self-signed certificate for 127.0.0.1: (cert, key)."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                    "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True, timeout=30)
    return cert, key


@pytest.fixture
def tls_loopback(certificate: tuple[Path, Path]) -> Iterator[LoopbackServer]:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*certificate)
    with LoopbackServer(tls=context) as server:
        yield server


def test_https_page_is_fetched_over_tls(tls_loopback: LoopbackServer,
                                        certificate: tuple[Path, Path], fetch_config) -> None:
    url = tls_loopback.route("/page", respond(PAGE))
    trusted = ssl.create_default_context(cafile=str(certificate[0]))
    transport = HostPoolTransport(per_host=1, ssl_context=trusted)
    with Fetcher(fetch_config(retries=0), transport=transport) as fetcher:
        result = fetcher.fetch(url)
    assert url.startswith("https://") and result.ok and result.content == PAGE


def test_untrusted_certificate_is_a_connect_error(tls_loopback: LoopbackServer,
                                                  fetch_config) -> None:
    url = tls_loopback.route("/page", respond(PAGE))
    with Fetcher(fetch_config(retries=0)) as fetcher:
        result = fetcher.fetch(url)
    assert result.error is not None and result.error.stage == "connect"
    assert "CERTIFICATE_VERIFY_FAILED" in str(result.error)
