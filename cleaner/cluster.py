"""Same-story clustering with MinHash/LSH candidates and verified links.

SKELETON: the placeholder puts every document in a story of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from cleaner.config import ClusterConfig
from cleaner.document import Document
from cleaner.model import Clustering, Story

DEFAULT_CLUSTER_CONFIG = ClusterConfig()


def cluster_documents(
    documents: Sequence[Document], config: ClusterConfig = DEFAULT_CLUSTER_CONFIG
) -> Clustering:
    """Group cleaned documents (``text`` = cleaned body, ``metadata['title']``) into stories."""
    ids = sorted(doc.id for doc in documents)
    return Clustering(
        stories=tuple(
            Story(id=f"s{i}", label=doc_id, members=(doc_id,), near_duplicates=(), similarities=())
            for i, doc_id in enumerate(ids, 1)
        )
    )
