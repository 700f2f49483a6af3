-- wrk script for the sign-on surge: every request signs the letter as a signer nobody used before (thread number +
-- counter in the name and email), with the staff bearer token. Prints the status-code tally that signon.sh checks
-- against the database (lost = acknowledged but not stored; duplicated = one signer stored twice).
-- Needs: LETTER (letter id) and TOKEN (bearer token) in the environment.
local letter = os.getenv("LETTER")
local token = os.getenv("TOKEN")
local threads = {}
local next_id = 1

function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  codes = {}
  wrk.method = "POST"
  wrk.path = "/api/letters/" .. letter .. "/signatures"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. token
end

function request()
  counter = counter + 1
  local who = string.format("t%d-%d-%s", tid, counter, os.getenv("RUN") or "x")
  local body = string.format('{"kind":"individual","name":"Signer %s","email":"%s@example.org"}', who, who)
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  codes[status] = (codes[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    local c = t:get("codes")
    for status, count in pairs(c) do total[status] = (total[status] or 0) + count end
  end
  io.write("STATUS")
  for status, count in pairs(total) do io.write(string.format(" %d=%d", status, count)) end
  io.write("\n")
  io.write(string.format("LATENCY p50=%.1fms p90=%.1fms p99=%.1fms max=%.1fms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("RATE %.1f req/s over %.1f s, socket errors: connect %d read %d write %d timeout %d, non-2xx %d\n",
    summary.requests / (summary.duration / 1e6), summary.duration / 1e6, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout, summary.errors.status))
end
