-- The batches of ../shared/bench/report-batches.lua (its path in REPORT_BATCHES), each connection
-- waiting PACE_MS after an answer before its next batch: with 64 connections and 25 ms, at least
-- 2,000 batches a second while answers take up to 5 ms.
dofile(os.getenv("REPORT_BATCHES"))
local pace = tonumber(os.getenv("PACE_MS") or "25")
function delay()
  return pace
end
