"""The benchmark's synthetic data is valid under the real model and shaped like the real data."""


from baseline import write_baseline  # bench/, on the tests' path (pyproject.toml)
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
