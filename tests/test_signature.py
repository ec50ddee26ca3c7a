"""``signature``: a document's closing, right-aligned organ and date give ``issuer`` and
``written`` when the page has no attribute block; the lines stay in the body."""

from __future__ import annotations

import pytest

from scraper import extract
from scraper.extract.explain import explain

TEXT = ("<p>各县（市）区应急管理局：</p>"
        "<p>为切实做好今年防汛工作，确保人民群众生命财产安全，现就有关事项通知如下。"
        "一、提高思想认识，各地要充分认识防汛工作的重要性和紧迫性，坚决克服麻痹思想。</p>"
        "<p>二、加强隐患排查，对重点部位开展拉网式排查，发现问题立即整改，确保不留死角。"
        "三、做好应急准备，储备充足的防汛物资，加强值班值守，确保信息畅通。</p>")


def page(closing: str) -> str:
    return (f"<html lang='zh-CN'><head><title>关于做好防汛工作的通知</title></head><body>"
            f"<h1>关于做好防汛工作的通知</h1><div class='content'>{TEXT}{closing}</div>"
            f"<div class='footer'>主办单位：福州市应急管理局 备案号：闽ICP备05001234号</div>"
            f"</body></html>")


@pytest.mark.parametrize("closing, written", [
    ("<p style='text-align: right'>福州市应急管理局</p><p style='text-align: right'>2024年8月5日</p>",
     "2024-08-05"),
    ("<p align='right'>福州市应急管理局</p><p align='right'>二〇二四年八月五日</p>", "2024-08-05"),
    ("<p align='right'>福州市应急管理局</p><p align='right'>二○二四年八月五日</p>", "2024-08-05"),
    ("<div style='TEXT-ALIGN: RIGHT'>福州市应急管理局<br>二零二四年元月三十一日</div>", "2024-01-31"),
    ("<p style='text-align:right'>福州市应急管理局　2024-08-05</p>", "2024-08-05"),
], ids=["style-digits", "align-han-zero", "align-circle-zero", "one-div-ling-yuanyue",
        "organ-and-date-on-one-line"])
def test_a_right_aligned_signature_gives_issuer_and_written(closing: str, written: str) -> None:
    article = extract(page(closing))
    assert article.document == {"issuer": "福州市应急管理局", "written": written}
    assert "福州市应急管理局" in article.body.splitlines()[-1] or \
        article.body.splitlines()[-2] == "福州市应急管理局"


def test_a_joint_document_names_every_organ_and_a_note_may_follow() -> None:
    closing = ("<p align='right'>福州市应急管理局</p><p align='right'>福州市水利局</p>"
               "<p align='right'>2024年8月5日</p><p>（此件主动公开）</p>")
    article = extract(page(closing))
    assert article.document == {"issuer": "福州市应急管理局 福州市水利局", "written": "2024-08-05"}
    assert article.body.endswith("福州市应急管理局\n福州市水利局\n2024年8月5日\n（此件主动公开）")


@pytest.mark.parametrize("closing", [
    "<p>福州市应急管理局</p><p>2024年8月5日</p>",
    "<p align='right'>（记者 张三 李四）</p><p align='right'>2024年8月5日</p>",
    "<p align='right'>2024年8月5日</p>",
    "<p style='margin-right: 2em'>福州市应急管理局</p><p style='margin-right: 2em'>2024年8月5日</p>",
    "<p align='right'>福州市应急管理局</p><p align='right'>2024年8月5日召开了会议</p>",
], ids=["not-right-aligned", "byline-not-organ", "date-alone", "margin-is-not-alignment",
        "date-in-a-sentence"])
def test_no_signature_without_a_right_aligned_organ_and_date(closing: str) -> None:
    assert extract(page(closing)).document is None


def test_a_block_wins_over_the_signature() -> None:
    block = ("<table><tr><td>索引号</td><td>A-1</td></tr><tr><td>发文机关</td><td>福州市人民政府</td></tr>"
             "<tr><td>文号</td><td>榕政〔2024〕1号</td></tr></table>")
    html = page("<p align='right'>福州市应急管理局</p><p align='right'>2024年8月5日</p>")
    article = extract(html.replace("<h1>", block + "<h1>"))
    assert article.document == {"index_no": "A-1", "issuer": "福州市人民政府",
                                "doc_no": "榕政〔2024〕1号"}


def test_the_trace_says_the_document_came_from_the_signature() -> None:
    closing = "<p align='right'>福州市应急管理局</p><p align='right'>二〇二四年八月五日</p>"
    field = explain(page(closing)).fields["document"]
    assert field.source == "the right-aligned signature closing the article"
    assert field.value == "issuer: 福州市应急管理局; written: 2024-08-05"
