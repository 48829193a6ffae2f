"""The static site in a real browser: Debian's chromium driven by Playwright, pages opened from file://.

One browser and one built site for the whole module. axe-core (tests/vendor/axe-core, from
npm) checks accessibility.
"""

import functools
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from grader.site_build.build import build
from grader.site_build.search import WORD, terms
from grader.site_build.serve import SiteHandler

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]
AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("browser") / "_site"
    build(out)
    return out


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def url(site, name):
    return (site / name).as_uri() if "?" not in name else f"{(site / name.split('?')[0]).as_uri()}?{name.split('?')[1]}"


def test_every_page_loads_without_errors_from_disk_and_from_a_server(site, page):
    problems = []
    page.on("console", lambda m: m.type == "error" and problems.append(f"{page.url}: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"{page.url}: {e}"))
    page.on("requestfailed", lambda r: r.failure != "net::ERR_ABORTED" and problems.append(f"{r.url}: {r.failure}"))
    names = sorted(p.name for p in site.glob("*.html"))
    assert len(names) == 45
    for name in names:
        page.goto(url(site, name))
        assert page.title(), name
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(SiteHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        for name in ("index.html", "25-lstm.html", "search.html?q=lstm"):
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/{name}")
        assert page.locator(".search-result").count() > 0
    finally:
        server.shutdown()
        server.server_close()
    assert problems == []


def test_formulas_are_laid_out_by_the_browser(site, page):
    page.goto(url(site, "25-lstm.html"))
    display = page.locator("math[display=block]").first.bounding_box()
    inline = page.locator("p math").first.bounding_box()
    assert display["width"] > 100 and display["height"] > 20  # a fraction: two rows
    assert inline["width"] > 5 and inline["height"] > 5


@pytest.mark.parametrize("query", ["вентиль забывания", "забывающий"])
def test_search_finds_lstm_by_stem_and_prefix(site, page, query):
    page.goto(url(site, f"search.html?q={query}"))
    results = page.locator(".search-result-title")
    assert results.count() > 0
    links = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert any(link.startswith("25-lstm.html#") for link in links)
    assert any(m.lower().startswith("забыв") for m in page.locator(".search-result mark").all_inner_texts())


@pytest.mark.parametrize("query", ["сверточные сети", "Свёрточные сети"])  # the pages write «свёрточная сеть»
def test_search_folds_yo_and_case_and_updates_as_you_type(site, page, query):
    page.goto(url(site, "search.html"))
    page.fill("#search-input", query)
    page.wait_for_selector(".search-result")
    marks = {m.lower() for m in page.locator(".search-result mark").all_inner_texts()}
    assert any(m.startswith("свёрточн") for m in marks) and any(m.startswith("сет") for m in marks)
    assert page.locator(".search-result-title[href^='17-convolutional-networks.html']").count() > 0
    assert "q=" in page.url


def test_the_browser_stems_as_the_build_does(site, page):
    words = sorted({w.lower().replace("ё", "е") for w in WORD.findall((ROOT / "questions" / "25-lstm.md").read_text())})
    page.goto(url(site, "search.html"))
    in_browser = page.evaluate("words => words.map(w => lunr.ru.stemmer(new lunr.Token(w)).toString())", words)
    assert len(words) > 500 and in_browser == [terms(w)[0] for w in words]


def test_an_answer_is_hidden_until_clicked(site, page):
    page.goto(url(site, "25-lstm.html"))
    answer = page.locator("#t25-q01 .answer-body")
    assert not answer.is_visible()
    page.click("#t25-q01 summary")
    assert answer.is_visible() and "сигмоиды" in answer.inner_text()


def test_checkable_questions_score_right_and_wrong_answers(site, page):
    page.goto(url(site, "25-lstm.html"))
    numeric, verdict = page.locator("#t25-q03"), page.locator("#t25-q03 .verdict")
    numeric.locator("input").fill("2500")
    numeric.locator("button").click()
    assert verdict.inner_text().startswith("Неверно")
    numeric.locator("input").fill("2560,3")  # a comma decimal, within the tolerance of 0.5
    numeric.locator("button").click()
    assert verdict.inner_text() == "Верно!"
    several = page.locator("#t25-q09")  # right choices: 2 and 4
    several.locator("input[value='1']").check()
    several.locator("button").click()
    assert several.locator(".verdict").inner_text().startswith("Неверно")
    several.locator("input[value='3']").check()
    several.locator("button").click()
    assert several.locator(".verdict").inner_text() == "Верно!"


def test_the_ticket_page_shows_one_ticket_and_draws_another(site, page):
    page.goto(url(site, "ticket.html"))
    shown = page.locator(".ticket:visible")
    assert shown.count() == 1
    first = shown.get_attribute("id")
    page.click("#next-ticket")
    assert page.locator(".ticket:visible").count() == 1 and page.locator(".ticket:visible").get_attribute("id") != first
    assert page.url.endswith("#" + page.locator(".ticket:visible").get_attribute("id"))


def test_print_hides_the_navigation_and_dark_mode_darkens(site, browser):
    context = browser.new_context(color_scheme="dark")
    dark = context.new_page()
    dark.goto(url(site, "index.html"))
    background = dark.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(15, 20, 25)"
    dark.emulate_media(media="print")
    assert dark.locator(".site-header").is_hidden()
    context.close()


@pytest.mark.parametrize("name", ["index.html", "25-lstm.html"])
def test_axe_finds_no_serious_accessibility_violation(site, page, name):
    page.goto(url(site, name))
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    serious = [(v["id"], v["help"], [n["target"] for n in v["nodes"][:3]]) for v in result["violations"]
               if v["impact"] in ("serious", "critical")]
    assert serious == []
