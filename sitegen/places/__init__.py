"""Districts and places: which part of Beijing an article is about.

The gazetteer (``data/beijing-divisions.csv``, sources in ``data/SOURCES.md``) lists the 16
districts and their township-level divisions. An article is in a district when it is about
a place there: a place of the district named in a headline or in the lede, or named at
least twice in all. A place mentioned once in passing, deep in a city-wide or national
report, does not make it local news.
"""

from sitegen.places.gazetteer import Gazetteer, load_gazetteer
from sitegen.places.finder import Places, find_places

__all__ = ["Gazetteer", "Places", "find_places", "load_gazetteer"]
