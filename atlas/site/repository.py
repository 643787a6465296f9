"""The repository the site is built from, and the two ways a reader improves a record there: its
YAML file in GitHub's editor, and the "Report an error" issue form with the page's address and
the record filled in (GitHub fills an issue form's fields from the query string, by field id).

Everything comes from the one `repository` setting of the atlas plugin in mkdocs.yml, so that a
fork changes one line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlencode

# The issue forms in .github/ISSUE_TEMPLATE/: the report link fills in its `page` and `record`.
REPORT_FORM = "report-an-error.yml"
SUGGEST_FORM = "suggest-a-practice.yml"
_GITHUB_REPOSITORY = re.compile(r"https://github\.com/[A-Za-z0-9-]+/[A-Za-z0-9._-]+")


@dataclass(frozen=True)
class Repository:
    url: str  # https://github.com/<owner>/<name>
    branch: str = "main"

    def __post_init__(self):
        if not _GITHUB_REPOSITORY.fullmatch(self.url):
            raise ValueError(f"the repository is a GitHub address, https://github.com/<owner>/<name>; got {self.url!r}")

    @property
    def docs_edit_uri(self) -> str:
        """MkDocs' `edit_uri` for the hand-written pages under docs/."""
        return f"{self.url}/edit/{self.branch}/docs/"

    def edit_url(self, path: str) -> str:
        """GitHub's editor for the file at `path` (from the repository's root)."""
        return f"{self.url}/edit/{self.branch}/{path}"

    def file_url(self, path: str) -> str:
        """The file at `path` as GitHub shows it."""
        return f"{self.url}/blob/{self.branch}/{path}"

    def new_file_url(self, folder: str) -> str:
        """GitHub's page for a new file in `folder` (it forks the repository for people without
        write access, and opens the pull request for them)."""
        return f"{self.url}/new/{self.branch}/{folder}"

    def issue_form_url(self, form: str) -> str:
        return f"{self.url}/issues/new?{urlencode({'template': form})}"

    def report_url(self, page_url: str, record_ref: str, label: str) -> str:
        """The error report form, with the page, the record (`kind/id`) and a title filled in."""
        query = urlencode({"template": REPORT_FORM, "title": f"Error in: {label}", "page": page_url,
                           "record": record_ref})
        return f"{self.url}/issues/new?{query}"
