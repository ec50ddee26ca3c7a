"""Accuracy and speed benchmark of the extraction engine against its peers.

``python -m bench`` (from the repository root) runs ours, trafilatura and
readability-lxml over the evaluation datasets in ``../shared/eval`` and prints one
markdown report; see ``bench/README.md``.
"""
