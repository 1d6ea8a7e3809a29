"""cleaner: strip site cruft from scraped news, cluster same-story articles, flag shared passages.

>>> from cleaner import clean_text
>>> result = clean_text("A title\\n\\nThe first paragraph of the article.")
>>> result.title
'A title'
"""

from cleaner.clean import CleanResult, LineDecision, clean_text
from cleaner.cluster import cluster_documents
from cleaner.config import CleanConfig, ClusterConfig, PassageConfig
from cleaner.document import Document
from cleaner.model import Clustering, Occurrence, Passage, Story
from cleaner.passages import find_shared_passages
from cleaner.templates import TemplateLines, build_templates

__all__ = [
    "CleanConfig",
    "CleanResult",
    "ClusterConfig",
    "Clustering",
    "Document",
    "LineDecision",
    "Occurrence",
    "Passage",
    "PassageConfig",
    "Story",
    "TemplateLines",
    "build_templates",
    "clean_text",
    "cluster_documents",
    "find_shared_passages",
]
__version__ = "0.1.0"
