"""The benchmark's synthetic data is valid under the real model and shaped like the real data, and
its report judges Lighthouse by the issue's targets."""


from baseline import write_baseline  # bench/, on the tests' path (pyproject.toml)
from report import check_targets
from synthetic import generate

from atlas.loader import load


def test_a_synthetic_data_set_of_300_practices_loads_without_a_problem(tmp_path):
    counts = generate(300, tmp_path / "data")
    result = load(tmp_path / "data")
    assert result.problems == []
    data = result.dataset
    assert len(data.practices) == counts["practices"] == 300
    # Copies reference their own copy's organizations, and countries beyond the 61 real ones.
    copies = [p for p in data.practices.values() if p.id.startswith("s1-") and p.actors]
    assert copies
    assert all(actor.organization.startswith("s1-") for p in copies for actor in p.actors)
    assert len(data.practices_by_country) > 61
    original = data.practices[copies[0].id.removeprefix("s1-")]
    assert copies[0].summary != original.summary
    assert len(copies[0].summary) > len(original.summary) / 2


def test_the_baseline_has_exactly_the_pages_it_is_asked_for(tmp_path):
    generate(20, tmp_path / "data")
    written = write_baseline(tmp_path / "data", tmp_path / "baseline", 400)
    pages = list((tmp_path / "baseline" / "docs").rglob("*.md"))
    assert written == len(pages) == 400
    assert "not_in_nav" in (tmp_path / "baseline" / "mkdocs.yml").read_text()


def test_lighthouse_is_judged_by_issue_20s_targets_per_form_factor():
    def scores(performance, seo=100):
        return {"scores": {"performance": performance, "accessibility": 100, "best-practices": 100, "seo": seo}}

    [mobile, desktop] = check_targets({"sizes": [], "lighthouse": {"mobile": {"home": scores(95)}, "desktop": {"home": scores(99)}}})
    assert mobile["met"] is True and desktop["met"] is False and "home performance 99" in desktop["measured"]
    [mobile] = check_targets({"sizes": [], "lighthouse": {"mobile": {"home": scores(97, seo=96)}}})
    assert mobile["met"] is False and "home seo 96" in mobile["measured"]
