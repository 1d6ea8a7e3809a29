"""cleaner: strip site cruft from scraped news, cluster same-story articles, flag shared passages.

>>> from cleaner import clean_text
>>> result = clean_text("A title\\n\\nThe first paragraph of the article.")
>>> result.title
'A title'
"""

from cleaner.clean import CleanResult, LineDecision, clean_text
from cleaner.cluster import cluster_documents
from cleaner.config import CleanConfig, ClusterConfig, HtmlConfig, PassageConfig
from cleaner.document import Document
from cleaner.html import ExtractedPage, clean_html, extract_html, looks_like_html
from cleaner.model import Clustering, Occurrence, Passage, Story
from cleaner.passages import find_shared_passages
from cleaner.pipeline import clean_corpus, cleaned_documents
from cleaner.readers import read_sources
from cleaner.report import build_report, cluster_report, render_html, render_markdown
from cleaner.sources import ReadConfig, ReadError, find_sources
from cleaner.templates import TemplateLines, build_templates

__all__ = [
    "CleanConfig",
    "CleanResult",
    "ClusterConfig",
    "Clustering",
    "Document",
    "ExtractedPage",
    "HtmlConfig",
    "LineDecision",
    "Occurrence",
    "Passage",
    "PassageConfig",
    "ReadConfig",
    "ReadError",
    "Story",
    "TemplateLines",
    "build_report",
    "build_templates",
    "clean_corpus",
    "clean_html",
    "clean_text",
    "cleaned_documents",
    "cluster_documents",
    "cluster_report",
    "extract_html",
    "find_shared_passages",
    "find_sources",
    "looks_like_html",
    "read_sources",
    "render_html",
    "render_markdown",
]
__version__ = "0.1.0"
