"""What a pull request changes in the records, in words, for its reviewers: `atlas changes` writes
a Markdown summary (the pull-request workflow appends it to the job summary) listing each record
added, changed or removed, with a field-by-field account ("summary changed; countries: + Moldova;
sources: + 002 Annex 1") and where its page is in the built-site artifact.

It reads the record files as YAML text, the base's from git and the change's from the folder, so
it says what changed even when the change does not pass `atlas validate` (whose problems are the
workflow's line annotations). Record text is untrusted: every value is escaped for Markdown and
cut short before it enters the summary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from atlas.model.records import ID_PATTERN, KINDS
from atlas.publish.history import git_output

FOLDERS = {cls.folder: kind for kind, cls in KINDS.items()}
MAX_SHOWN = 120  # characters of one value in the summary
MAX_RECORDS = 200  # records listed in full; the rest are counted
_MARKDOWN = re.compile(r"([\\`*_\[\]<>|~&#])")


def shown(value: object) -> str:
    """A value as one short, inert line of Markdown."""
    text = " ".join(str(value).split())
    if len(text) > MAX_SHOWN:
        text = text[: MAX_SHOWN - 1] + "…"
    return _MARKDOWN.sub(r"\\\1", text)


def _read(text: str | None) -> dict | None:
    try:
        document = yaml.safe_load(text) if text else None
    except yaml.YAMLError:
        return None
    return document if isinstance(document, dict) else None


def records_at(data_dir: Path, ref: str | None) -> dict[tuple[str, str], dict]:
    """Every record file's content by (folder, id): at git `ref`, or in the folder (ref None)."""
    found: dict[tuple[str, str], dict] = {}
    for folder in FOLDERS:
        if ref is None:
            paths = sorted((data_dir / folder).glob("*.yaml"))
            items = [(path.stem, path.read_text(encoding="utf-8", errors="replace")) for path in paths]
        else:
            # Paths relative to the data folder, as `git -C <data>` gives them: "practices/x.yaml".
            listing = git_output(data_dir, "ls-tree", "--name-only", ref, f"{folder}/") or ""
            paths = [path for path in listing.splitlines() if path.endswith(".yaml")]
            items = [(Path(path).stem, git_output(data_dir, "show", f"{ref}:./{path}")) for path in paths]
        for record_id, text in items:
            document = _read(text)
            found[(folder, record_id)] = document if document is not None else {"(unreadable)": text}
    return found


def _label(item: object, names: dict[str, str]) -> str:
    """How one list item reads: an id by its record's name, a citation as 'source locator'..."""
    if not isinstance(item, dict):
        return names.get(str(item), str(item))
    if "locator" in item:
        return f"{item.get('source')} {item.get('locator')}"
    if "organization" in item:
        return f"{names.get(str(item['organization']), item['organization'])} ({item.get('role')})"
    if "framework" in item:
        return str(item["framework"]) + (f"#{item['component']}" if item.get("component") else "")
    if "practice" in item:
        return f"{names.get(str(item['practice']), item['practice'])} ({item.get('relation')})"
    if "reviewer" in item:
        return f"review of {item.get('date')} by {item.get('reviewer')}"
    for key in ("url", "id", "lens", "name", "role"):
        if key in item:
            return str(item[key])
    if "value" in item:
        return f"{item['value']} {item.get('unit', '')}".strip()
    return yaml.safe_dump(item, default_flow_style=True, sort_keys=True).strip()


def field_changes(before: dict, after: dict, names: dict[str, str]) -> list[str]:
    """The account of one record's changes, field by field, in the order of the new file."""
    parts = []
    for name in dict.fromkeys([*after, *before]):
        old, new = before.get(name), after.get(name)
        if old == new:
            continue
        if isinstance(old, list) or isinstance(new, list):
            parts.append(_list_changes(name, old or [], new or [], names))
        elif name not in before:
            parts.append(f"{shown(name)} added")
        elif name not in after:
            parts.append(f"{shown(name)} removed")
        else:
            parts.append(f"{shown(name)} changed")
    return parts


def _list_changes(name: str, old: list, new: list, names: dict[str, str]) -> str:
    """A list field's account: items added (+), removed (−), and changed within (the same item
    with other details, e.g. a component whose summary changed)."""
    old_items = {_label(item, names): item for item in old} if isinstance(old, list) else {}
    new_items = {_label(item, names): item for item in new} if isinstance(new, list) else {}
    edits = [f"+ {shown(label)}" for label in new_items if label not in old_items]
    edits += [f"− {shown(label)}" for label in old_items if label not in new_items]
    edits += [f"{shown(label)} changed" for label, item in new_items.items()
              if label in old_items and old_items[label] != item]
    return f"{shown(name)}: {', '.join(edits)}" if edits else f"{shown(name)} changed"


@dataclass
class ChangeSummary:
    added: list[tuple[str, str, dict]] = field(default_factory=list)  # (folder, id, record)
    changed: list[tuple[str, str, dict, list[str]]] = field(default_factory=list)
    removed: list[tuple[str, str, dict]] = field(default_factory=list)

    def markdown(self) -> str:
        total = len(self.added) + len(self.changed) + len(self.removed)
        lines = ["## Records this pull request changes", ""]
        if not total:
            return "\n".join([*lines, "No record is added, changed or removed.", ""])
        lines += [f"{len(self.added)} added, {len(self.changed)} changed, {len(self.removed)} removed. "
                  "Each page is in the `site` artifact of this run, at the path shown.", ""]
        listed = 0
        for heading, entries in (("Added", self.added), ("Changed", self.changed), ("Removed", self.removed)):
            if not entries:
                continue
            lines += [f"### {heading}", ""]
            for entry in entries:
                if listed == MAX_RECORDS:
                    lines.append(f"- … and {total - listed} more records")
                    break
                folder, record_id, record = entry[:3]
                title = record.get("title") or record.get("name") or record_id
                line = f"- {FOLDERS[folder]} **{shown(title)}** ({shown(record_id)})"
                if heading != "Removed" and ID_PATTERN.fullmatch(record_id):
                    line += f", page `{folder}/{record_id}/index.html`"
                if heading == "Changed":
                    line += ": " + "; ".join(entry[3])
                lines.append(line)
                listed += 1
            lines.append("")
        return "\n".join(lines)


def summarize(data_dir: Path, base_ref: str) -> ChangeSummary:
    """What the records in `data_dir` change against git `base_ref`."""
    if git_output(data_dir, "rev-parse", "--verify", "--quiet", f"{base_ref}^{{commit}}") is None:
        raise ValueError(f"git knows no commit '{base_ref}' here")
    before, after = records_at(data_dir, base_ref), records_at(data_dir, None)
    names = {record_id: str(record.get("name") or record.get("title") or record_id)
             for (_, record_id), record in {**before, **after}.items()}
    summary = ChangeSummary()
    for key in sorted(after.keys() - before.keys()):
        summary.added.append((*key, after[key]))
    for key in sorted(after.keys() & before.keys()):
        if after[key] != before[key]:
            summary.changed.append((*key, after[key], field_changes(before[key], after[key], names)))
    for key in sorted(before.keys() - after.keys()):
        summary.removed.append((*key, before[key]))
    return summary
