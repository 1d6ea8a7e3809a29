"""What every cleaning worker needs, loaded once in the fork server that pool workers start
from (see :data:`cleaner.parallel.PRELOAD`).

Loading jusText's stoplists takes about half a second and the English lexicon about a tenth;
each pool worker would otherwise load them again, for each pool a run starts. Loaded in the
fork server, they are in every worker from the start, in pages the workers share.
"""

from __future__ import annotations

from cleaner.config import FALLBACK_LANGUAGE
from cleaner.language import load_stoplists
from cleaner.rules import load_lexicon

load_stoplists()
load_lexicon(FALLBACK_LANGUAGE)
