"""The fuzz tests import their generators (corpus.py, texts.py) from this directory."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
