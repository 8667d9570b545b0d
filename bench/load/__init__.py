"""Load benchmark: 64 readers and a few editors against gunicorn on PostgreSQL.

    .venv/bin/python -m bench.load                # 64 readers, 3 editors, 60 s
    .venv/bin/python -m bench.load --readers 16 --duration 10

Only ever talks to 127.0.0.1. Figures and how to read them: docs/performance.md, "Load".
"""
