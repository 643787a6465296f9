"""Checks across records and files: references and vocabularies, published addresses, own words."""
