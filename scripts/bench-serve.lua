-- wrk script for scripts/bench-serve: a mix of rare, common, multi-word and filtered queries
-- against /api/search, one per request in turn; non-2xx answers are counted by wrk as errors.
local paths = {
  "/api/search?q=cocoa",
  "/api/search?q=oil",
  "/api/search?q=bank+rates",
  "/api/search?q=zinc+smelter",
  "/api/search?q=opec+production+quota",
  "/api/search?q=oil&since=1987-03&until=1987-03",
  "/api/search?q=dollar&actor=Japan",
  "/api/search?q=trade+deficit&sort=newest",
  "/api/search?q=%22interest+rates%22&facets=date",
  "/api/search?q=grain+exports&actor=United+States&limit=20",
  "/api/search?q=takeover+bid&offset=10",
  "/api/search?q=what+did+the+central+bank+say+about+interest+rates",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("requests/s %.1f  p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms  errors %d (non-2xx %d)\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
