"""Every problem the validator can report, by code, in one registry.

A code names one kind of mistake for good: contributors search for it, CI annotations show it. Each
entry says where the rule is checked and what the code means. `Problem` refuses a code that is not
here, and tests/test_rules.py holds the registry and the corpus of broken records to each other:
every code has a record that fails with it, and every code the corpus shows is registered.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    code: str
    checked_in: str  # the module that reports it
    meaning: str


RULES: tuple[Rule, ...] = (
    # Reading the file (yaml_reader.py, loader.py)
    Rule("missing-folder", "loader", "the data folder does not exist"),
    Rule("unexpected-file", "loader", "a file or folder where records do not go"),
    Rule("symlink", "loader", "a symbolic link instead of a file"),
    Rule("unreadable-file", "loader", "a file or folder that cannot be read"),
    Rule("bad-file-name", "loader", "a record file whose name is not a valid id"),
    Rule("file-too-large", "yaml_reader", "a file over the size limit"),
    Rule("bad-encoding", "yaml_reader", "a file that is not UTF-8"),
    Rule("forbidden-character", "yaml_reader", "a control, invisible or bidirectional character"),
    Rule("bare-carriage-return", "yaml_reader", "a carriage return without a line feed"),
    Rule("yaml-syntax", "yaml_reader", "YAML that cannot be parsed"),
    Rule("empty-file", "yaml_reader", "a file with no content"),
    Rule("not-a-mapping", "yaml_reader", "a document that is not a mapping of fields"),
    Rule("several-documents", "yaml_reader", "more than one YAML document in a file"),
    Rule("duplicate-key", "yaml_reader", "a key given twice in one mapping"),
    Rule("non-string-key", "yaml_reader", "a key that is not a plain word"),
    Rule("yaml-alias", "yaml_reader", "a YAML alias"),
    Rule("yaml-anchor", "yaml_reader", "a YAML anchor"),
    Rule("yaml-tag", "yaml_reader", "an explicit YAML tag"),
    Rule("yaml-merge-key", "yaml_reader", "a YAML merge key (<<)"),
    Rule("yaml-special-value", "yaml_reader", "YAML 1.1's = or << as a plain value"),
    Rule("bad-number", "yaml_reader", "a number YAML cannot read, or reads in base 60, or too long"),
    Rule("bad-date", "yaml_reader", "a date that does not exist"),
    Rule("too-deep", "yaml_reader", "lists and mappings nested too deeply"),
    # One record against the model (model.py, validation_messages.py)
    Rule("missing-field", "validation_messages", "a required field is absent, or a required list empty"),
    Rule("unknown-field", "validation_messages", "a field the model does not have"),
    Rule("empty-value", "validation_messages", "a field written with no value"),
    Rule("not-text", "validation_messages", "text expected, but YAML reads a number, date or boolean"),
    Rule("wrong-type", "validation_messages", "a value of the wrong type (a list for text...)"),
    Rule("bad-id", "model", "an id that is not lowercase kebab-case, or is reserved"),
    Rule("bad-text", "model", "text with line breaks, edge spaces, too complex or too long a name"),
    Rule("bad-url", "model", "a link that is not http(s) to a public host, or pretends"),
    Rule("too-long", "validation_messages", "text longer than its field allows"),
    Rule("non-finite-number", "model", "infinity or not-a-number"),
    Rule("bad-year", "validation_messages", "a year outside 1900 to 2100"),
    Rule("bad-value", "validation_messages", "any other value the model refuses"),
    Rule("id-mismatch", "loader", "the id is not the file name"),
    Rule("summary-too-short", "checks", "a summary shorter than one full sentence"),
    Rule("reason-too-short", "checks", "a lens reason too short to say why"),
    # Across records (checks.py)
    Rule("unknown-reference", "checks", "an id no record has"),
    Rule("wrong-reference-type", "checks", "the id of a record of another kind"),
    Rule("unknown-term", "checks", "a term its vocabulary does not have"),
    Rule("unknown-component", "checks", "a component its framework does not have"),
    Rule("duplicate-id", "checks", "an id twice within one list of components or terms"),
    Rule("missing-vocabulary", "checks", "a vocabulary the model uses has no file"),
    Rule("bad-country-code", "checks", "a country id that is not an ISO 3166-1 alpha-3 code"),
    Rule("self-reference", "checks", "a record related to, or part of, itself"),
    Rule("repeated-lens", "checks", "the same lens as primary and secondary"),
    # Published addresses (published.py, published_base.py)
    Rule("removed-without-redirect", "published", "a published id with neither record nor redirect"),
    Rule("redirect-to-nothing", "published", "a redirect to an id no record has"),
    Rule("redirect-of-existing-record", "published", "a redirect that would hide a record"),
    Rule("unpublished-id", "published_base", "an id published on the base branch, dropped by the change"),
    # Own words (own_words.py)
    Rule("copied-text", "own_words", "ten or more words in a row copied from a source document"),
)

CODES: frozenset[str] = frozenset(rule.code for rule in RULES)
