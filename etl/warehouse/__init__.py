"""DuckDB: connections, migrations from sql/, loading a run, publishing it."""
