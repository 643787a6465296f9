"""The toolchain a build in years to come will need: every package pinned with its hashes, and a
site that builds the same with ProperDocs, MkDocs' maintained continuation, as with MkDocs 1.6
(README, "When MkDocs 1.x no longer installs")."""

from __future__ import annotations

import re

from conftest import PROPERDOCS, ROOT, build_site

PIN = re.compile(r"^([A-Za-z0-9._-]+)==(\S+)", re.MULTILINE)


def _name(package: str) -> str:
    return re.sub(r"[-_.]+", "-", package).lower()


def test_the_lock_pins_each_requirement_at_its_version_with_hashes():
    wanted = {_name(name): version for name, version in PIN.findall((ROOT / "requirements.txt").read_text())}
    lock = (ROOT / "requirements.lock").read_text()
    locked = {_name(name): version for name, version in PIN.findall(lock)}
    assert {name: locked.get(name) for name in wanted} == wanted, "run `make lock` after editing requirements.txt"
    body = "\n".join(line for line in lock.splitlines() if not line.startswith("#"))
    entries = re.split(r"\n(?=[A-Za-z0-9])", body.strip())
    assert len(entries) == len(locked) and all("--hash=sha256:" in entry for entry in entries)

# Each page names the program that built it; nothing else may differ.
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def test_properdocs_builds_every_file_of_the_site_and_each_the_same(site, tmp_path):
    result = build_site(tmp_path, builder=PROPERDOCS)
    assert result.returncode == 0, result.stderr

    def files(root):
        return sorted(path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file())

    assert files(tmp_path) == files(site)
    different = [name for name in files(site)
                 if GENERATOR.sub(b"", (site / name).read_bytes()) != GENERATOR.sub(b"", (tmp_path / name).read_bytes())]
    assert different == []
    # The generator line does say which program built the page.
    assert b"ProperDocs" in (tmp_path / "index.html").read_bytes()
