"""Every problem the validator can report, by code, in one registry.

A code names one kind of mistake for good: contributors search for it, CI annotations show it. Each
entry says where the rule is checked and what the code means. `Problem` refuses a code that is not
here, and tests/unit/test_rules.py holds the registry and the corpus of broken records to each other:
every code has a record that fails with it, and every code the corpus shows is registered.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    code: str
    checked_in: str  # the module that reports it, under atlas/
    meaning: str


RULES: tuple[Rule, ...] = (
    # Reading the file (read/yaml_reader.py, loader.py)
    Rule("missing-folder", "loader", "the data folder does not exist"),
    Rule("unexpected-file", "loader", "a file or folder where records do not go"),
    Rule("symlink", "loader", "a symbolic link instead of a file"),
    Rule("unreadable-file", "loader", "a file or folder that cannot be read"),
    Rule("bad-file-name", "loader", "a record file whose name is not a valid id"),
    Rule("file-too-large", "read.yaml_reader", "a file over the size limit"),
    Rule("bad-encoding", "read.yaml_reader", "a file that is not UTF-8"),
    Rule("forbidden-character", "read.yaml_reader", "a control, invisible or bidirectional character"),
    Rule("bare-carriage-return", "read.yaml_reader", "a carriage return without a line feed"),
    Rule("yaml-syntax", "read.yaml_reader", "YAML that cannot be parsed"),
    Rule("empty-file", "read.yaml_reader", "a file with no content"),
    Rule("not-a-mapping", "read.yaml_reader", "a document that is not a mapping of fields"),
    Rule("several-documents", "read.yaml_reader", "more than one YAML document in a file"),
    Rule("duplicate-key", "read.yaml_reader", "a key given twice in one mapping"),
    Rule("non-string-key", "read.yaml_reader", "a key that is not a plain word"),
    Rule("yaml-alias", "read.yaml_reader", "a YAML alias"),
    Rule("yaml-anchor", "read.yaml_reader", "a YAML anchor"),
    Rule("yaml-tag", "read.yaml_reader", "an explicit YAML tag"),
    Rule("yaml-merge-key", "read.yaml_reader", "a YAML merge key (<<)"),
    Rule("yaml-special-value", "read.yaml_reader", "YAML 1.1's = or << as a plain value"),
    Rule("bad-number", "read.yaml_reader", "a number YAML cannot read, or reads in base 60, or too long"),
    Rule("bad-date", "read.yaml_reader", "a date that does not exist"),
    Rule("too-deep", "read.yaml_reader", "lists and mappings nested too deeply"),
    # One record against the model (model/records.py, read/validation_messages.py)
    Rule("missing-field", "read.validation_messages", "a required field is absent, or a required list empty"),
    Rule("unknown-field", "read.validation_messages", "a field the model does not have"),
    Rule("empty-value", "read.validation_messages", "a field written with no value"),
    Rule("not-text", "read.validation_messages", "text expected, but YAML reads a number, date or boolean"),
    Rule("wrong-type", "read.validation_messages", "a value of the wrong type (a list for text...)"),
    Rule("bad-id", "model.records", "an id that is not lowercase kebab-case, or is reserved"),
    Rule("bad-text", "model.records", "text with line breaks, edge spaces, too complex or too long a name"),
    Rule("bad-url", "model.records", "a link that is not http(s) to a public host, or pretends"),
    Rule("too-long", "read.validation_messages", "text longer than its field allows"),
    Rule("non-finite-number", "model.records", "infinity or not-a-number"),
    Rule("bad-year", "read.validation_messages", "a year outside 1900 to 2100"),
    Rule("bad-value", "read.validation_messages", "any other value the model refuses"),
    Rule("id-mismatch", "loader", "the id is not the file name"),
    Rule("summary-too-short", "checks.cross_record", "a summary shorter than one full sentence"),
    Rule("reason-too-short", "checks.cross_record", "a lens or framework-link reason too short to say why"),
    # Across records (checks/cross_record.py)
    Rule("unknown-reference", "checks.cross_record", "an id no record has"),
    Rule("wrong-reference-type", "checks.cross_record", "the id of a record of another kind"),
    Rule("unknown-term", "checks.cross_record", "a term its vocabulary does not have"),
    Rule("unknown-component", "checks.cross_record", "a component its framework does not have"),
    Rule("duplicate-id", "checks.cross_record", "an id twice within one list of components or terms"),
    Rule("missing-vocabulary", "checks.cross_record", "a vocabulary the model uses has no file"),
    Rule("bad-country-code", "checks.cross_record", "a country id that is not an ISO 3166-1 alpha-3 code"),
    Rule("self-reference", "checks.cross_record", "a record related to, or part of, itself"),
    Rule("repeated-lens", "checks.cross_record", "the same lens as primary and secondary"),
    Rule("repeated-link", "checks.cross_record", "the same framework or component linked twice"),
    Rule("uncited-link", "checks.cross_record", "a framework link a source states, without its passage"),
    # Published addresses (checks/published.py, checks/published_base.py)
    Rule("removed-without-redirect", "checks.published", "a published id with neither record nor redirect"),
    Rule("redirect-to-nothing", "checks.published", "a redirect to an id no record has"),
    Rule("redirect-of-existing-record", "checks.published", "a redirect that would hide a record"),
    Rule("unpublished-id", "checks.published_base", "an id published on the base branch, dropped by the change"),
    # A reader's language (checks/readers_language.py)
    Rule("editor-jargon", "checks.readers_language", "editors' shorthand in reader-facing text: Source 004, the paper"),
    Rule("alias-repeats", "checks.readers_language", "an alias the title or an earlier alias already holds"),
    Rule("country-alias-in-title", "checks.readers_language", "a title naming a country by an alias (Turkey for Türkiye)"),
    # Own words (checks/own_words.py)
    Rule("copied-text", "checks.own_words", "ten or more words in a row copied from a source document"),
)

CODES: frozenset[str] = frozenset(rule.code for rule in RULES)
