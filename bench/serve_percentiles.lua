-- Print p50, p95 (milliseconds) and requests per second in a form bench/serve_run.py parses.
done = function(summary, latency, requests)
  io.write(string.format("p50 %.2f\n", latency:percentile(50) / 1000))
  io.write(string.format("p95 %.2f\n", latency:percentile(95) / 1000))
  io.write(string.format("rps %.2f\n", summary.requests / (summary.duration / 1000000)))
end
