from scraper.cli import run

run()
