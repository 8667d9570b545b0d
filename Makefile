.PHONY: setup run test lint format backup restore

setup:
	@scripts/bootstrap

## Set up, migrate, import the seed articles and serve on http://127.0.0.1:8000 (SQLite),
## with a background-job worker beside the server (Ctrl-C stops both).
run: setup
	DJANGO_DEBUG=1 .venv/bin/python manage.py migrate --no-input
	DJANGO_DEBUG=1 .venv/bin/python manage.py import_articles seeds/
	DJANGO_DEBUG=1 scripts/serve 127.0.0.1:8000

## Set up and run the whole suite, on SQLite and (when it answers) PostgreSQL.
test: setup
	@scripts/ensure-chromium
	@scripts/test

lint: setup
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

format: setup
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

## Dump the whole database to backups/newsroom-<time>.json.gz (or FILE=...).
backup: setup
	@scripts/backup $(FILE)

## Replace the whole database with a backup: make restore FILE=backups/newsroom-....json.gz
restore: setup
	@test -n "$(FILE)" || { echo "usage: make restore FILE=backups/newsroom-....json.gz" >&2; exit 2; }
	@scripts/restore "$(FILE)"
