"""What several test modules share: the browser (Debian's Chromium, a local server, watched pages),
the corpus of contributors' mistakes (broken_cases) and the explorer's filters read straight from
the records (practice_facets)."""
