"""The app starts on an empty journal and draws its home page in a real browser."""

from playwright.sync_api import expect


def test_the_app_starts_and_draws_its_home_page_without_an_error(app_server, page, tmp_path):
    server = app_server(db_path=tmp_path / "empty.duckdb")
    page.goto(server.url + "/")
    # The page's own content, not the sidebar: the frame draws that even when the page fails.
    main = page.locator('[data-testid="stMain"]')
    expect(main.locator("h1")).to_have_text("Welcome to Interview Coach")
    # The last thing the page draws: once it is there the run is over, errors included.
    expect(main.get_by_role("button", name="Explore the sample journal")).to_be_visible()
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
