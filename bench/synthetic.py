"""Makes a synthetic data folder of N practices, valid under the real model, for the benchmark.

The synthetic records are copies of the real ones, so text lengths, list lengths and the shape of
the cross-links (countries, organizations, frameworks, components, related practices) are the
real ones. Copy 0 is the real data; copy k >= 1 gives every practice, organization and framework
the id `s<k>-<id>`, points its references at the same copy, maps the real countries onto a
shuffled list of every ISO 3166-1 country (so practices spread over ~250 countries, not 61), and
swaps about a third of the longer words in its text for other words of the real corpus (so no two
copies share a sentence and gzip sizes stay honest). Sources and vocabularies are the real ones.

Organizations and frameworks are copied as often as practices (the real proportions: about
0.5 organizations and 0.3 frameworks per practice); countries stop at the ~250 ISO codes.

    python bench/synthetic.py 1000 /tmp/data-1000
"""

from __future__ import annotations

import argparse
import math
import random
import re
import shutil
import sys
from pathlib import Path

import pycountry
import yaml

from atlas.loader import load
from atlas.model.records import MAX_ID_LENGTH, RESERVED_IDS, RefTo
from atlas.model.references import references

ROOT = Path(__file__).resolve().parent.parent
REAL_DATA = ROOT / "data"
# Kinds copied once per copy (ids prefixed); countries are remapped; sources stay as they are.
COPIED_KINDS = ("practice", "organization", "framework")
# Text fields whose words are swapped in copies (titles and prose; never ids, URLs or locators).
TEXT_FIELDS = frozenset({"title", "name", "summary", "notes", "reason", "note", "counts"})
WORD = re.compile(r"\b[A-Za-z]{5,}\b")
SWAP_RATE = 0.35
# Words a swap must not bring in: editors' words the readers'-language rule refuses where no
# document is named (atlas/checks/readers_language.py).
NOT_SWAPPED_IN = frozenset({"paper", "papers", "source", "sources", "scanning", "scanned", "misprint", "misprints"})


def copy_id(record_id: str, copy: int) -> str:
    if copy == 0:
        return record_id
    prefix = f"s{copy}-"
    return prefix + record_id[: MAX_ID_LENGTH - len(prefix)].rstrip("-")


class Generator:
    def __init__(self, practices: int, seed: int = 8):
        result = load(REAL_DATA)
        if result.problems:
            raise SystemExit("the real data does not load; run `make validate`")
        self.data = result.dataset
        self.size = practices
        self.random = random.Random(seed)
        real_practices = list(self.data.practices)
        self.copies = max(1, math.ceil(practices / len(real_practices)))
        # The practices of each copy: all of them, except in the last copy (shuffled, cut short).
        self.included: list[set[str]] = []
        remaining = practices
        for copy in range(self.copies):
            chosen = real_practices if remaining >= len(real_practices) else self.random.sample(real_practices, remaining)
            self.included.append(set(chosen))
            remaining -= len(chosen)
        self.countries = self._country_codes()
        real_codes = sorted(self.data.countries)
        self.country_maps = [dict(zip(real_codes, real_codes))]
        others = [code for code in self.countries if code not in self.data.countries]
        for _ in range(1, self.copies):
            shuffled = self.random.sample(self.countries, len(self.countries))
            self.country_maps.append(dict(zip(real_codes, shuffled)))
        self.synthetic_countries = others
        # Nor a country's other name ("Turkey"), which a title must not use for the country.
        aliases = {word.lower() for country in self.data.countries.values() for alias in country.aliases
                   for word in WORD.findall(alias)}
        self.corpus = sorted({word for record in self.data.practices.values() for word in WORD.findall(record.summary)
                              if word.lower() not in NOT_SWAPPED_IN | aliases})

    def _country_codes(self) -> list[str]:
        """Every country the synthetic set has: the real ones, then enough ISO codes to stay
        proportional (61 countries per 242 practices), at most every ISO 3166-1 country."""
        real = sorted(self.data.countries)
        wanted = max(len(real), round(self.size * len(real) / len(self.data.practices)))
        iso = sorted(c.alpha_3.lower() for c in pycountry.countries if c.alpha_3.lower() not in RESERVED_IDS)
        extra = [code for code in iso if code not in self.data.countries]
        return real + extra[: max(0, wanted - len(real))]

    # --- one record -------------------------------------------------------------------------

    def _swap_words(self, text: str) -> str:
        def swap(match: re.Match) -> str:
            if self.random.random() >= SWAP_RATE:
                return match.group()
            word = self.random.choice(self.corpus)
            if len(word) < len(match.group()):  # a text never shrinks below its minimum length
                return match.group()
            return word.capitalize() if match.group()[0].isupper() else word.lower()

        return WORD.sub(swap, text)

    def _perturb(self, value, key: str | None = None):
        if isinstance(value, dict):
            return {k: self._perturb(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [self._perturb(v, key) for v in value]
        if isinstance(value, str) and key in TEXT_FIELDS:
            return self._swap_words(value)
        return value

    def _target(self, kind: str, value: str, copy: int) -> str | None:
        if kind == "country":
            return self.country_maps[copy][value]
        if kind == "practice":
            for candidate in (copy, 0):
                if value in self.included[candidate]:
                    return copy_id(value, candidate)
            return None  # not in this data set: the relation is dropped
        if kind in COPIED_KINDS:
            return copy_id(value, copy)
        return value  # sources

    def copy_record(self, record, copy: int) -> dict:
        document = record.model_dump(mode="python", exclude_defaults=True)
        dropped = []
        for ref in references(record):
            if not isinstance(ref.target, RefTo):
                continue
            container = document
            for step in ref.location[:-1]:
                container = container[step]
            target = self._target(ref.target.kind, ref.value, copy)
            if target is None:
                dropped.append(ref.location)
            container[ref.location[-1]] = target
        for location in dropped:  # only `related[i].practice` can be dropped
            document[location[0]][location[1]] = None
        if "related" in document:
            document["related"] = [item for item in document["related"] if item is not None]
            if not document["related"]:
                del document["related"]
        document["id"] = copy_id(record.id, copy)
        return self._perturb(document) if copy else document

    # --- the folder -------------------------------------------------------------------------

    def records(self):
        """(folder, id, document) of every record of the synthetic set."""
        for copy in range(self.copies):
            for practice_id in sorted(self.included[copy]):
                yield "practices", self.copy_record(self.data.practices[practice_id], copy)
            for kind, table in (("organization", self.data.organizations), ("framework", self.data.frameworks)):
                for record in table.values():
                    yield f"{kind}s", self.copy_record(record, copy)
        for record in self.data.countries.values():
            yield "countries", self.copy_record(record, 0)
        templates = list(self.data.countries.values())
        for number, code in enumerate(self.synthetic_countries):
            document = self._perturb(self.copy_record(templates[number % len(templates)], 0))
            document["id"] = code
            document["name"] = pycountry.countries.get(alpha_3=code.upper()).name
            yield "countries", document

    def write(self, out: Path) -> dict[str, int]:
        if out.exists():
            shutil.rmtree(out)
        for folder in ("sources", "vocabularies"):
            shutil.copytree(REAL_DATA / folder, out / folder)
        counts: dict[str, int] = {}
        for folder, document in self.records():
            path = out / folder / f"{document['id']}.yaml"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100))
            counts[folder] = counts.get(folder, 0) + 1
        counts["sources"] = len(self.data.sources)
        return counts


def generate(practices: int, out: Path, seed: int = 8) -> dict[str, int]:
    """Write a data folder of `practices` practices to `out`; return the record count per folder."""
    return Generator(practices, seed).write(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("practices", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--check", action="store_true", help="load the result and list any problem")
    arguments = parser.parse_args(argv)
    counts = generate(arguments.practices, arguments.out)
    print(", ".join(f"{n} {folder}" for folder, n in counts.items()))
    if arguments.check:
        result = load(arguments.out)
        for problem in result.problems:
            print(problem.format())
        return 1 if result.problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
