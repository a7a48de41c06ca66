"""Districts and places: which part of Beijing an article is about.

The gazetteer (``data/beijing-divisions.csv``, sources in ``data/SOURCES.md``) lists the 16
districts and their township-level divisions. Every name is matched in the forms print
uses (西城 for 西城区, 陶然亭 for 陶然亭街道, 良乡镇 for 良乡地区, 宣武区 for today's 西城区),
longest first, so 朝阳门 (东城区) is not 朝阳 and 大兴庄镇 (平谷区) is not 大兴. A
two-character name (光明, 良乡) counts only before a place word (街道, 镇, 社区, 村, 园区…).
Beside the townships, a curated list of landmarks (``data/landmarks.toml``: 天安门, 国贸,
城市副中心, 亦庄…, each in one district) counts the same way, with the words that contain
one but name no place of it (天坛医院, 中国贸易) as traps. Development zones that span
districts (the 中关村 zone) and phrases such as 朝阳群众 file nothing; the economic-
technological development zone (经开区, 亦庄) is a landmark of 大兴区.

An article is in a district when it is about a place there: a place of the district named
in a headline or in the lede, or the district named (its places added up) at least twice.
A place mentioned once in passing, deep in a city-wide or national report, does not make
it local news.
"""

from sitegen.places.gazetteer import Gazetteer, load_gazetteer
from sitegen.places.finder import Places, find_places

__all__ = ["Gazetteer", "Places", "find_places", "load_gazetteer"]
