"""Evaluation of the extractors against the gold files in ../shared/data/gold."""
