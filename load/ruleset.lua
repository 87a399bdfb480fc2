-- wrk script: GET /v1/ruleset, the trivial endpoint the in-memory advice is measured against.
-- Usage: GUANXI_KEY=<key> wrk -t2 -c16 -d15s -s load/ruleset.lua http://127.0.0.1:8080/v1/ruleset
wrk.headers["X-API-Key"] = os.getenv("GUANXI_KEY") or error("set GUANXI_KEY to an API key")
