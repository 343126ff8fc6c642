"""The database fixtures of tests/store/conftest.py, shared with the refresh tests."""
import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location("_calfeed_db_fixtures", Path(__file__).parent.parent / "store" / "conftest.py")
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)

PG_URL = _mod.PG_URL
db_url = _mod.db_url
store = _mod.store
