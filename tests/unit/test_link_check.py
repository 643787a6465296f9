"""The weekly link check tells dead links (404, 410, unreachable host) from ones to look at, and
says where each is used. Tested against a local server: no test needs the internet."""

from __future__ import annotations

import http.server
import re
import threading

import pytest

from atlas.model.records import KINDS
from atlas.contrib import link_check


class Handler(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []  # every path asked for, so a test can tell that nothing was sent

    def do_HEAD(self):
        Handler.requests.append(self.path)
        codes = {"/ok": 200, "/gone": 404, "/removed": 410, "/busy": 503, "/no-head": 405 if self.command == "HEAD" else 200}
        self.send_response(codes.get(self.path, 404))
        self.end_headers()

    do_GET = do_HEAD

    def log_message(self, *arguments):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.mark.parametrize(("path", "status", "detail"), [
    ("/ok", "ok", "HTTP 200"),
    ("/gone", "dead", "HTTP 404"),
    ("/removed", "dead", "HTTP 410"),
    ("/busy", "look", "HTTP 503"),
    ("/no-head", "ok", "HTTP 200"),  # refused HEAD, answered GET
])
def test_each_answer_is_classified(server, path, status, detail):
    outcome = link_check.check_url(server + path, timeout=5, public_only=False)
    assert (outcome.status, outcome.detail) == (status, detail)


def test_a_host_that_does_not_answer_is_dead():
    # Port 9 on the loopback address: nothing listens there, the connection is refused at once.
    assert link_check.check_url("http://127.0.0.1:9/", timeout=5, public_only=False).status == "dead"


def test_the_report_lists_dead_links_with_where_they_are_used_and_fails(server, dataset, monkeypatch, tmp_path, capsys):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    used = {server + "/ok": ["data/practices/a.yaml links[0].url"],
            server + "/gone": ["data/practices/b.yaml links[1].url", "data/sources/002.yaml links[0].url"]}
    monkeypatch.setattr(link_check, "links_of", lambda data: used)
    assert link_check.run(dataset, timeout=5, workers=2, public_only=False) == 1
    text = summary.read_text()
    assert "2 links checked." in text
    gone = link_check.markdown_text(server + "/gone")
    places = "<br>".join(map(link_check.markdown_text, used[server + "/gone"]))
    assert f"| {gone} | HTTP 404 | {places} |" in text
    assert "/ok" not in text


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::1]"])
def test_the_weekly_check_sends_nothing_to_a_private_host(server, host):
    port = server.rsplit(":", 1)[1]
    outcome = link_check.check_url(f"http://{host}:{port}/private-{host}", timeout=2)
    assert outcome.status == "look" and outcome.detail.startswith("not requested")
    assert f"/private-{host}" not in Handler.requests


def test_what_the_report_writes_into_markdown_is_inert():
    url = "http://127.0.0.1:8766/?a=>[FIX](https://evil.example)|x|"
    row = next(line for line in link_check.report([link_check.Outcome(url, "dead", "HTTP 404")],
                                                  {url: ["data/practices/a|b.yaml"]}) if "8766" in line)
    assert len(re.split(r"(?<!\\)\|", row)) == 5  # "", link, problem, used in, ""
    assert not re.search(r"(?<!\\)[\[\]()<>:]", row), row  # no link, tag or autolink left live


def test_every_link_of_the_data_is_collected_with_its_place(dataset):
    used = link_check.links_of(dataset)
    expected = sum(len(getattr(record, "links", []) or []) for kind in KINDS for record in dataset.table(kind).values())
    assert sum(len(places) for places in used.values()) == expected > 0
    assert all(place.startswith("data/") and place.endswith(".url") for places in used.values() for place in places)
