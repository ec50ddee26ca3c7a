"""The record's shape: keys in their documented order, optional keys only when stated."""

from __future__ import annotations

from scraper import Article, Attachment

PLAIN_KEYS = ["schema", "url", "site", "channel", "title", "published", "modified", "source",
              "author", "editor", "language", "body", "images", "attachments", "encoding",
              "length", "pages", "page_urls", "pages_missing"]


def test_a_plain_article_has_the_documented_keys_in_order() -> None:
    assert list(Article(url="http://x/a", body="Text.").to_record()) == PLAIN_KEYS


def test_document_precedes_body_and_keeps_only_stated_fields_in_order() -> None:
    article = Article(body="正文", document={"written": "2024-03-15", "doc_no": "榕应急〔2024〕12号",
                                            "topic": ""})
    record = article.to_record()
    keys = list(record)
    assert keys.index("language") + 1 == keys.index("document") == keys.index("body") - 1
    assert record["document"] == {"doc_no": "榕应急〔2024〕12号", "written": "2024-03-15"}
    assert list(record["document"]) == ["doc_no", "written"]


def test_attachments_have_a_path_only_once_downloaded() -> None:
    article = Article(attachments=[
        Attachment("http://gov.cn/P0201.pdf", "方案.pdf", "pdf"),
        Attachment("http://gov.cn/P0202.docx", "表格", "docx", path="out/ab12.docx")])
    assert article.to_record()["attachments"] == [
        {"url": "http://gov.cn/P0201.pdf", "name": "方案.pdf", "type": "pdf"},
        {"url": "http://gov.cn/P0202.docx", "name": "表格", "type": "docx",
         "path": "out/ab12.docx"}]
