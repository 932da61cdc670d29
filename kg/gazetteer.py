"""Offline knowledge of names: countries (pycountry plus curated aliases),
demonyms, metonyms, organisations and places.

Used by the NLP stage (EntityRuler patterns) and by resolution (canonical
names), so both agree on what "U.S." or "the Kremlin" stands for.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pycountry

from kg.model import EntityKind

__all__ = ["Gazetteer", "gazetteer", "name_key"]

_DATA = Path(__file__).parent / "data" / "gazetteer.json"


_LEADING_THE = re.compile(r"^the\s+", re.I)
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """Lookup key: case-folded, leading 'the' and dots dropped.

    Cached: resolution compares every pair of names in an article and every
    surname with the corpus' full names, asking for the same keys again and again.
    """
    key = _LEADING_THE.sub("", name.strip()).replace(".", "").casefold()
    return _SPACES.sub(" ", key)


@dataclass(frozen=True)
class Known:
    """A name the gazetteer knows: canonical label, kind, optional Wikidata id."""

    label: str
    kind: EntityKind
    wikidata: str = ""


class Gazetteer:
    """Name lookups built once from pycountry and ``data/gazetteer.json``."""

    def __init__(self, data: dict):
        self.data = data
        self._known: dict[str, Known] = {}
        # a capital stands for its country when it acts ("Madrid said"); Singapore is both
        capitals = {city: country for country, city in data.get("capitals", {}).items() if city != country}
        self._metonyms = {name_key(m) for m in [*data["metonyms"], *capitals]}
        self._demonyms = {k.casefold(): v for k, v in data["demonyms"].items()}
        self.not_names = {n.casefold() for n in data["not_names"]}
        self._honorifics = {k.casefold(): v for k, v in data.get("honorifics", {}).items()}
        #: honorifics written before a given name ("Sir Menzies" is Menzies Campbell)
        self.given_name_honorifics = {h.casefold() for h in data.get("given_name_honorifics", ())}
        cues = data.get("organisation_cues", {})
        #: words after a name, and nouns beside it, that make it an organisation
        self.organisation_after = frozenset(cues.get("after", ()))
        self.organisation_nouns = frozenset(cues.get("nouns", ()))
        wikidata = data["wikidata"]
        for country in pycountry.countries:
            label = data["country_names"].get(country.alpha_2) or getattr(country, "common_name", None) or country.name
            known = Known(label, "Country", wikidata.get(label, ""))
            for name in {label, country.name, getattr(country, "official_name", label)}:
                self._known.setdefault(name_key(name), known)
        for label, aliases in data["country_aliases"].items():
            known = Known(label, "Country", wikidata.get(label, ""))
            for alias in [label, *aliases]:
                self._known[name_key(alias)] = known
        for label, org in data["organizations"].items():
            known = Known(label, org["kind"], org.get("wikidata", ""))
            for alias in [label, *org["aliases"]]:
                self._known.setdefault(name_key(alias), known)
        for city, country in capitals.items():
            self._known.setdefault(name_key(city), self._known.get(name_key(country), Known(country, "Country")))
        places = {**{city: "City" for city in capitals}, **data["places"]}
        for label, kind in places.items():
            self._known.setdefault(name_key(label), Known(label, kind))
        self._places = {name_key(p): Known(p, k) for p, k in places.items()}

    def lookup(self, name: str) -> Known | None:
        """The canonical entry for a name or alias, if known."""
        return self._known.get(name_key(name))

    def place(self, name: str) -> Known | None:
        """The place a metonym names literally ("Beijing" the city, not China)."""
        return self._places.get(name_key(name))

    def is_metonym(self, name: str) -> bool:
        """True for capitals and seats of power that stand for a country as actors."""
        return name_key(name) in self._metonyms

    def demonym(self, word: str) -> str | None:
        """Country (or organisation) a demonym stands for: 'Chinese' -> 'China'."""
        return self._demonyms.get(word.strip().casefold())

    def honorific(self, word: str) -> str | None:
        """The gender an honorific gives ("Mrs" -> "female", "Dr" -> ""), None for other words."""
        return self._honorifics.get(word.strip().rstrip(".").casefold())

    def wikidata(self, label: str) -> str:
        """The Wikidata id listed for a canonical label (countries, bodies, parties, people), or ""."""
        known = self._known.get(name_key(label))
        listed = known.wikidata if known is not None and known.label == label else ""
        return self.data["wikidata"].get(label, "") or listed

    def ruler_patterns(self) -> list[dict]:
        """EntityRuler patterns for curated names the small model misses or mistypes."""
        patterns = []
        for label, aliases in self.data["country_aliases"].items():
            for alias in [label, *aliases]:
                if self.is_metonym(alias):
                    continue
                words = re.sub(r"^the\s+", "", alias, flags=re.I)
                patterns.append({"label": "GPE", "pattern": words})
        for label, org in self.data["organizations"].items():
            for alias in [label, *org["aliases"]]:
                if self.is_metonym(alias):
                    continue
                patterns.append({"label": "ORG", "pattern": re.sub(r"^the\s+", "", alias, flags=re.I)})
        for place, kind in self.data["places"].items():
            if not self.is_metonym(place) and place != "the West":
                patterns.append({"label": "GPE" if kind == "City" else "LOC", "pattern": place})
        for metonym in self.data["metonyms"]:
            known = self.place(metonym)
            patterns.append({"label": "GPE" if known and known.kind == "City" else "ORG", "pattern": re.sub(r"^the\s+", "", metonym)})
        return sorted({(p["label"], p["pattern"]): p for p in patterns}.values(), key=lambda p: (p["label"], p["pattern"]))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shared gazetteer (loaded once per process)."""
    return Gazetteer(json.loads(_DATA.read_text(encoding="utf-8")))
