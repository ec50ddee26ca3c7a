from scraper import extract


def test_extract_returns_article_for_minimal_page() -> None:
    article = extract("<html><body><p>Hello world.</p></body></html>")
    assert article.body == "Hello world."
