-- wrk script: POST /v1/advice with a distinct customer on every request, so that no request
-- waits for another customer's lock. Facts rotate so that every rule file is exercised.
-- Usage: GUANXI_KEY=<ADVICE_CLIENT key> wrk -t2 -c16 -d15s -s load/advice.lua http://127.0.0.1:8080

local counter = 0
-- A global, not a local: setup() gives each thread its own number through thread:set, which sets
-- the thread's global (a local here would shadow it, and both threads would send the same ids).
thread_id = 0
local shares = { "0", "0.3", "0.55", "0.85" }
local segments = { "FEW", "MEDIUM", "MANY" }
local key = os.getenv("GUANXI_KEY") or error("set GUANXI_KEY to an ADVICE_CLIENT API key")

function setup(thread)
  thread:set("thread_id", thread_id)
  thread_id = thread_id + 1
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"customerId":"LOAD-%d-%d-%d","purchaseShare":%s,"annualRevenue":%d,"profitMargin":0.%02d,' ..
    '"revenueTrend":0.05,"orderCount12m":%d,"tenureMonths":24,"segmentSize":"%s","satisfaction":4.2}',
    os.time(), thread_id, counter, shares[counter % 4 + 1], 200000 * (counter % 40), counter % 40,
    counter % 20, segments[counter % 3 + 1])
  return wrk.format("POST", "/v1/advice", { ["Content-Type"] = "application/json", ["X-API-Key"] = key }, body)
end

function response(status, headers, body)
  if status ~= 200 then
    io.stderr:write("status " .. status .. ": " .. body .. "\n")
  end
end
