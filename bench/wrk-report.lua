-- wrk script for bench/web.py: counts responses other than 2xx (wrk itself counts only those
-- of 400 and above) and prints one JSON line when the run is done. Times are in microseconds.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  not_2xx = 0
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    not_2xx = not_2xx + 1
  end
end

function done(summary, latency, requests)
  local not_ok = 0
  for _, thread in ipairs(threads) do
    not_ok = not_ok + thread:get("not_2xx")
  end
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration": %d, "not_2xx": %d, "socket_errors": %d, "timeouts": %d, '
      .. '"p50": %d, "p95": %d, "p99": %d, "max": %d}\n',
    summary.requests, summary.duration, not_ok,
    errors.connect + errors.read + errors.write, errors.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max
  ))
end
