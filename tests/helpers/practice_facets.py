"""What the data says about each practice's facet values, read straight from the records.

The explorer and the comparison tables are checked against these, never against the code that
built them (atlas/site/explorer.py).
"""

# The frameworks the atlas was made to connect (issue 16): each of their components must serve.
CORE_FRAMEWORKS = ("pcmd", "gcm", "sdgs")

FACETS = ("lens", "primary", "level", "sector", "mechanism", "region", "country", "organization", "framework", "component", "source",
          "year", "example")


def countries_of(practice):
    return {*practice.countries, *(city.country for city in practice.cities)}


def values_of(dataset, practice, facet: str) -> set[str]:
    """The values a practice has for a facet, straight from its record."""
    if facet == "lens":
        return {practice.lenses.primary.lens, *(s.lens for s in practice.lenses.secondary)}
    if facet == "primary":
        return {practice.lenses.primary.lens}
    if facet == "level":
        return set(practice.levels)
    if facet == "sector":
        return set(practice.sectors)
    if facet == "mechanism":
        return set(practice.mechanisms)
    if facet == "country":
        return countries_of(practice)
    if facet == "region":
        return {dataset.countries[code].region for code in countries_of(practice)}
    if facet == "organization":
        return {actor.organization for actor in practice.actors}
    if facet == "framework":
        return {link.framework for link in practice.frameworks}
    if facet == "component":
        return {f"{link.framework}.{link.component}" for link in practice.frameworks if link.component}
    if facet == "source":
        cited = [*practice.sources, *(figure.source for figure in practice.figures),
                 *(link.source for link in practice.frameworks if link.source)]
        return {citation.source for citation in cited}
    if facet == "year":  # of the newest document it rests on
        return {str(max(dataset.sources[source].year for source in values_of(dataset, practice, "source")))}
    if facet == "example":
        return {"cautionary" if practice.cautionary else "practice"}
    raise ValueError(facet)


def expected(dataset, filters: dict[str, list[str]]) -> set[str]:
    """Ids of the practices that pass: any value within a facet, every facet."""
    return {
        p.id for p in dataset.practices.values()
        if all(values_of(dataset, p, facet) & set(chosen) for facet, chosen in filters.items() if chosen)
    }


def framework_links(dataset) -> list:
    """Every (practice, framework link) pair of the data set."""
    return [(practice, link) for practice in dataset.practices.values() for link in practice.frameworks]
