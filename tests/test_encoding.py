"""Decoding page bytes: BOMs, HTTP and <meta> charsets, mislabelled pages, detection."""

from __future__ import annotations

import codecs

import pytest

from scraper import NotHTMLError, decode, extract

# Simplified Chinese news prose, long enough for a statistical detector to judge.
ZH_TEXT = (
    "自2019年全国公安工作会议召开以来，福州市公安局鼓楼分局积极探索公安工作现代化之路，"
    "以“新”为笔，绘就了一幅幅平安鼓楼的动人画卷。5年来，鼓楼区刑事警情大幅下降、"
    "“平安三率”逐年攀升，一串串数字展示了“平安鼓楼”这张金名片的成色。"
    "据介绍，鼓楼公安深刻把握时代脉搏，将警务改革作为推动公安工作现代化的核心引擎，"
    "通过体系重塑、流程再造、智慧赋能，构建起智慧赋能中心、融合侦查主战中心等实战中枢，"
    "实现了警种、技术、资源、手段的深度融合。在这些窗口，群众可以享受到不找警种、"
    "不分区域、一次办成的便捷服务，企业可以获得诉求直通、法律咨询、专题培训等全方位支持。"
)
# Traditional Chinese prose (encodable in Big5).
ZH_HANT_TEXT = (
    "香港特別行政區政府今日公布，本港經濟在第二季度錄得溫和增長，私人消費開支及投資均有改善。"
    "政府發言人表示，隨著訪港旅客人數持續回升，零售及餐飲業的營業額亦見上升，"
    "但外圍環境仍然充滿不確定性，政府會密切留意各項風險，並適時推出支援措施，"
    "協助中小企業渡過難關，同時繼續投資基礎建設，為經濟長遠發展奠定穩固基礎。"
)


def page(text: str, meta: str | None = None) -> str:
    """A small article page around ``text``, with a ``<meta charset>`` when given."""
    head = f'<meta charset="{meta}">' if meta else ""
    return (f"<html><head>{head}<title>{text[:8]}</title></head><body>"
            f"<h1>{text[:12]}</h1><p>{text}</p><p>{text[::-1]}</p></body></html>")


@pytest.mark.parametrize("codec", ["gbk", "gb18030"])
def test_gbk_without_any_declared_charset(codec: str) -> None:
    html = page(ZH_TEXT)
    decoded = decode(html.encode(codec))
    assert decoded.text == html
    assert decoded.encoding == "gb18030"


def test_gb2312_label_on_utf8_bytes_decodes_as_utf8() -> None:
    html = page(ZH_TEXT, meta="gb2312")
    decoded = decode(html.encode("utf-8"))
    assert decoded.text == html
    assert decoded.encoding == "utf-8"


def test_gb2312_label_on_utf8_bytes_that_are_also_valid_gb18030() -> None:
    # Every CJK run has an even length, so the UTF-8 bytes also pass a strict GB18030
    # decode (as mojibake: 新闻 -> 鏂伴椈). Valid multi-byte UTF-8 is the stronger signal.
    html = ('<html><head><meta charset="gb2312"><title>新闻</title></head>'
            "<body><p>鼓楼公安</p><p>福州新闻网站</p></body></html>")
    decoded = decode(html.encode("utf-8"))
    assert decoded.text == html


def test_gb2312_label_on_gbk_bytes_decodes_gbk_characters() -> None:
    html = page(ZH_TEXT + "镕堃喆", meta="gb2312")  # outside GB2312, inside GBK
    assert decode(html.encode("gbk")).text == html


@pytest.mark.parametrize("meta", ["big5", None], ids=["declared", "undeclared"])
def test_big5(meta: str | None) -> None:
    html = page(ZH_HANT_TEXT, meta=meta)
    assert decode(html.encode("big5")).text == html


@pytest.mark.parametrize(("bom", "codec"), [
    pytest.param(codecs.BOM_UTF8, "utf-8", id="utf-8"),
    pytest.param(codecs.BOM_UTF16_LE, "utf-16-le", id="utf-16-le"),
    pytest.param(codecs.BOM_UTF16_BE, "utf-16-be", id="utf-16-be"),
])
def test_bom_wins_and_is_stripped(bom: bytes, codec: str) -> None:
    html = page(ZH_TEXT, meta="gb2312")  # a wrong <meta> the BOM overrides
    decoded = decode(bom + html.encode(codec))
    assert decoded.text == html


def test_utf16_page_is_not_mistaken_for_binary() -> None:
    data = codecs.BOM_UTF16_LE + page(ZH_TEXT).encode("utf-16-le")
    assert "全国公安工作会议" in extract(data).body


def test_a_few_broken_bytes_in_a_gbk_page_keep_the_rest() -> None:
    html = page(ZH_TEXT, meta="gbk")
    data = bytearray(html.encode("gbk"))
    middle = data.index("智慧赋能".encode("gbk"))
    data[middle:middle + 2] = b"\xff\xff"  # 0xFF never occurs in GBK
    decoded = decode(bytes(data))
    assert decoded.encoding == "gb18030"
    assert "\ufffd" in decoded.text
    before, after = ZH_TEXT.split("智慧赋能", 1)
    assert before in decoded.text and after[2:] in decoded.text


def test_a_few_broken_bytes_without_declared_charset_still_decode_as_gbk() -> None:
    data = bytearray(page(ZH_TEXT).encode("gbk"))
    middle = data.index("智慧赋能".encode("gbk"))
    data[middle:middle + 2] = b"\xff\xff"
    text = decode(bytes(data)).text
    assert "全国公安工作会议" in text and "一次办成的便捷服务" in text


def test_http_charset_overrides_meta() -> None:
    # koi8-r would decode any byte without error; the HTTP header must come first.
    html = page(ZH_TEXT, meta="koi8-r")
    decoded = decode(html.encode("gbk"), http_charset="gbk")
    assert decoded.text == html
    assert decoded.encoding == "gb18030"


def test_http_utf8_overrides_meta_gb2312() -> None:
    html = page(ZH_TEXT, meta="gb2312")
    assert decode(html.encode("utf-8"), http_charset="utf-8").text == html


def test_wrong_http_charset_falls_back_to_meta() -> None:
    html = page(ZH_TEXT, meta="gbk")
    assert decode(html.encode("gbk"), http_charset="utf-8").text == html


def test_unknown_charset_labels_are_ignored() -> None:
    html = page(ZH_TEXT, meta="x-no-such-charset")
    assert decode(html.encode("utf-8"), http_charset="bogus").text == html


def test_extract_decodes_bytes_with_http_charset() -> None:
    html = page(ZH_TEXT, meta="koi8-r")
    article = extract(html.encode("gbk"), http_charset="gbk")
    assert "全国公安工作会议" in article.body
    assert article.encoding == "gb18030"


BINARY = {
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256)),
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(200),
    "gzip": b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + bytes(range(256)),
    "jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)),
    "zip": b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)),
    "control-bytes": bytes(range(32)) * 40,
}


@pytest.mark.parametrize("data", list(BINARY.values()), ids=list(BINARY))
def test_binary_is_not_html(data: bytes) -> None:
    with pytest.raises(NotHTMLError):
        decode(data)
    with pytest.raises(NotHTMLError):
        extract(data)


@pytest.mark.parametrize("data, kept", [
    (page(ZH_TEXT).encode("utf-8"), True),
    (page("plain ascii text").encode("ascii"), True),
    (page(ZH_TEXT).encode("gb18030"), False),
    (codecs.BOM_UTF8 + page(ZH_TEXT).encode("utf-8"), False),
], ids=["utf8", "ascii", "gb18030", "utf8-bom"])
def test_utf8_bytes_kept_only_when_they_are_the_text(data: bytes, kept: bool) -> None:
    decoded = decode(data)
    assert (decoded.utf8 is not None) == kept
    if kept:
        assert decoded.utf8 == decoded.text.encode("utf-8")


def test_extract_same_record_from_bytes_and_text() -> None:
    html = page(ZH_TEXT)
    from_bytes = extract(html.encode("utf-8")).to_record()
    from_text = extract(html).to_record()
    assert {k: v for k, v in from_bytes.items() if k != "encoding"} == \
        {k: v for k, v in from_text.items() if k != "encoding"}
