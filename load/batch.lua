-- wrk script for load/batch.sh: one client posting batch advice back to back on one kept-alive
-- connection, the batch files of $GUANXI_BATCH_DIR (0.json … 39.json) in turn. At the end it prints
-- one line for batch.sh: "batches <answered> failed <not 200> micros <duration>".
-- Usage: GUANXI_KEY=… GUANXI_BATCH_DIR=… wrk -t1 -c1 -d30s --timeout 60s -s load/batch.lua URL

local key = os.getenv("GUANXI_KEY") or error("set GUANXI_KEY to an ADVICE_CLIENT API key")
local dir = os.getenv("GUANXI_BATCH_DIR") or error("set GUANXI_BATCH_DIR to the directory of the batch files")
local bodies = {}
for b = 0, 39 do
  local f = assert(io.open(dir .. "/" .. b .. ".json", "rb"))
  bodies[#bodies + 1] = f:read("*a")
  f:close()
end
local sent = 0

function request()
  sent = sent + 1
  return wrk.format("POST", "/v1/advice/batch",
    { ["Content-Type"] = "application/json", ["X-API-Key"] = key }, bodies[(sent - 1) % #bodies + 1])
end

function response(status, headers, body)
  if status ~= 200 then
    io.stderr:write("batch answered " .. status .. ": " .. body:sub(1, 300) .. "\n")
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("batches %d failed %d micros %d\n", summary.requests,
    e.status + e.connect + e.read + e.write + e.timeout, summary.duration))
end
