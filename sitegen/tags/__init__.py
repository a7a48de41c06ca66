"""Tags: a curated vocabulary editors extend, plus a few keywords the text itself offers.

Each tag is one a reader would click: vocabulary topics first (a word of the topic in a
headline line, in the lede, or twice in the body), then at most two keywords that jieba
finds important in the article, nouns only, with the paper's own boilerplate
(工会, 职工, 活动…), numbers and single characters left out. One to six tags in all.
"""

from sitegen.tags.tagger import MAX_TAGS, Vocabulary, load_vocabulary, tag_article

__all__ = ["MAX_TAGS", "Vocabulary", "load_vocabulary", "tag_article"]
