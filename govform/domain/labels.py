"""Matching the labels a published report prints to the format's own, by similarity.

Reports are typed by hand: half-width brackets, stray spaces and line breaks, extra words
("现行有效件数（历史累计）"), old names (规范性文件 for 行政规范性文件, given as a label's `aliases` in the
template) and typos. `compare` says how a printed text relates to a label, with a similarity from 0 to 1;
`assign` pairs printed texts with labels, the most similar pairs first, each used once.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "「": '"', "」": '"', "『": '"', "』": '"'})
_QUOTE_CHARACTERS = "".join(map(chr, _QUOTES))
_SPACE = re.compile(r"\s+")
_EDGE_PUNCTUATION = "：:;；。，,、"

EXACT, VARIANT, ALIAS, SIMILAR, POSITION = "exact", "variant", "alias", "similar", "position"
"""How a printed text matched a label: exactly (but for line breaks); the same once brackets, spaces and
quotes are normalised; an old or other name of it; by similarity; or only by where it stands."""


@dataclass(frozen=True, slots=True)
class Match:
    found: str  # the text as printed (line breaks removed)
    label: str  # the format's label
    similarity: float  # 0..1, of the normalised texts
    how: str  # EXACT, VARIANT, ALIAS, SIMILAR or POSITION

    @property
    def exact(self) -> bool:
        return self.how == EXACT


@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """A label as compared: compatibility forms folded (（→(, ５→5), Chinese quotes unified, no white space,
    no punctuation at either end."""
    folded = unicodedata.normalize("NFKC", text)
    if any(quote in folded for quote in _QUOTE_CHARACTERS):  # translate() looks up every character: on long
        folded = folded.translate(_QUOTES)  # text (a crafted 20,000-character cell) it was half the reading
    return _SPACE.sub("", folded).strip(_EDGE_PUNCTUATION)


@lru_cache(maxsize=8192)
def printed(text: str) -> str:
    """A cell's text as one line: line breaks inside a label ("商业\\n企业") are layout, not words."""
    return re.sub(r"[\r\n\v]+", "", text).strip(" \t\u3000\u00a0")


LONGEST_LABEL = 200
"""A printed text longer than this (a sentence, a paragraph, a crafted cell of megabytes) is no label: it is
alike to a label only by containing it, and is not compared character by character, which takes time in
proportion to its length (a 20,000-character cell took 50 ms per label)."""


@lru_cache(maxsize=65536)
def _similarity(found: str, label: str) -> float:
    if found == label:
        return 1.0
    if not found or not label:
        return 0.0
    if len(found) > LONGEST_LABEL:
        return 0.75 + 0.25 * len(label) / len(found) if label in found else 0.0
    ratio = SequenceMatcher(None, found, label, autojunk=False).ratio()
    if label in found:  # the label with words added around it: "现行有效件数（历史累计）"
        ratio = max(ratio, 0.75 + 0.25 * len(label) / len(found))
    return ratio


def similarity(found: str, label: str) -> float:
    """How alike a printed text and a label are, 0..1 (1: the same once normalised)."""
    return _similarity(normalise(found), normalise(label))


def compare(found: str, label: str, aliases: Sequence[str] = ()) -> Match:
    """How the printed text `found` relates to `label` (or one of its other names)."""
    shown = printed(found)
    if shown == label:
        return Match(shown, label, 1.0, EXACT)
    key = normalise(shown)
    if key == normalise(label):
        return Match(shown, label, 1.0, VARIANT)
    if any(key == normalise(alias) for alias in aliases):
        return Match(shown, label, 1.0, ALIAS)
    return Match(shown, label, _similarity(key, normalise(label)), SIMILAR)


def assign(
    found: Sequence[str],
    labels: Sequence[str],
    score: Callable[[int, int], Match | None],
    threshold: float = 0.5,
) -> dict[int, tuple[int, Match]]:
    """Pair printed texts with labels: index of a label → (index of the text, its Match). The most similar
    pairs are taken first; each text and each label is used at most once; pairs below `threshold` are not
    taken. `score(i, j)` compares text i with label j (None: they cannot be paired)."""
    exact: dict[str, list[int]] = {}
    for j, label in enumerate(labels):
        exact.setdefault(normalise(label), []).append(j)
    taken: dict[int, tuple[int, Match]] = {}
    used: set[int] = set()
    for i, text in enumerate(found):  # the common case, cheaply: printed as the format has it
        for j in exact.get(normalise(text), ()):
            if j not in taken:
                match = score(i, j)
                if match is not None and match.similarity >= 1.0:
                    taken[j] = (i, match)
                    used.add(i)
                    break
    candidates = []
    for i in range(len(found)):
        if i in used:
            continue
        for j in range(len(labels)):
            if j in taken:
                continue
            match = score(i, j)
            if match is not None and match.similarity >= threshold:
                # Equal similarities: keep the printed order (a text nearer its label's place wins).
                candidates.append(
                    (-match.similarity, abs(i / max(len(found), 1) - j / max(len(labels), 1)), i, j, match)
                )
    candidates.sort(key=lambda c: (c[0], c[1]))
    for _, _, i, j, match in candidates:
        if i not in used and j not in taken:
            taken[j] = (i, match)
            used.add(i)
    return taken
