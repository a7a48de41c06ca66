"""Tags: a curated vocabulary editors extend, plus a few keywords the text itself offers.

Each tag is one a reader would click: vocabulary topics first (a word of the topic in a
headline line, in the lede, or twice in the body; at most four, strongest first), then at
most two keywords: nouns of the headline and opening that jieba's dictionary knows, that
the article keeps coming back to (TF-IDF with jieba's IDF table), with the paper's own
boilerplate (工会, 职工, 活动…), numbers, single characters, pieces of vocabulary words and
the article's own places left out. One to six tags in all; ads are tagged 广告.
"""

from sitegen.tags.tagger import AD_TAG, MAX_TAGS, Vocabulary, load_vocabulary, tag_article

__all__ = ["AD_TAG", "MAX_TAGS", "Vocabulary", "load_vocabulary", "tag_article"]
