"""The app starts on an empty journal and shows its home page in a real browser."""

from playwright.sync_api import expect


def test_the_app_starts_and_shows_its_home_page(app_server, page, wait_for_app, tmp_path):
    server = app_server(db_path=tmp_path / "empty.duckdb")
    page.goto(server.url + "/")
    wait_for_app(page)
    expect(page.get_by_text("Interview Coach").first).to_be_visible()
