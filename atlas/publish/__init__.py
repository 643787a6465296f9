"""What makes the data citable and downloadable: exports, citations, the git history, the changelog."""
