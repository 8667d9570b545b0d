"""Django's SQLite backend, which still serves readers when the database file is read-only.

A SQLite database in WAL mode needs its `-shm` file to be read: when neither the database nor
its folder can be written (a read-only mount, a file owned by another account), every query
fails with "attempt to write a readonly database" or "unable to open database file", and
readers would get a 503 although the data is there. Then the file is opened again read-only and
immutable (SQLite neither locks it nor looks for the WAL), but only when no WAL file holds
changes not yet in the database, so what is read is what was committed. Writes on such a
connection fail as they must; `import_articles` says so before it starts.
"""

from pathlib import Path
from urllib.parse import quote

from django.db.backends.sqlite3 import base
from django.db.backends.sqlite3.base import Database

READ_ONLY_ERRORS = ("readonly database", "unable to open database file")


class DatabaseWrapper(base.DatabaseWrapper):
    read_only = False

    def get_new_connection(self, conn_params):
        try:
            return super().get_new_connection(conn_params)
        except Database.OperationalError as error:
            path = self._read_only_file(conn_params["database"], error)
            if path is None:
                raise
        self.read_only = True
        read_only = {**conn_params, "database": f"file:{quote(str(path))}?mode=ro&immutable=1"}
        connection = Database.connect(**read_only)
        base.register_functions(connection)
        connection.execute("PRAGMA foreign_keys = ON")
        return connection

    def _start_transaction_under_autocommit(self):
        """BEGIN IMMEDIATE asks for a write lock: a read-only file can give none."""
        if self.read_only:
            self.cursor().execute("BEGIN")
        else:
            super()._start_transaction_under_autocommit()

    @staticmethod
    def _read_only_file(database: str, error: Exception) -> Path | None:
        """The database file, if it exists and the error is only that it cannot be written."""
        if not any(text in str(error) for text in READ_ONLY_ERRORS):
            return None
        if database.startswith("file:") or database == ":memory:":
            return None
        path = Path(database)
        wal = path.with_name(path.name + "-wal")
        if not path.is_file() or (wal.exists() and wal.stat().st_size > 0):
            return None
        return path
