"""gunicorn's production configuration for the benchmark: sync workers, two per core plus one."""

import multiprocessing

workers = multiprocessing.cpu_count() * 2 + 1
worker_class = "sync"
timeout = 120
max_requests = 0
accesslog = None
