-- The batches of ../shared/bench/report-batches.lua (its path in REPORT_BATCHES), each connection
-- waiting PACE_MS after an answer before its next batch: with 32 connections and 15 ms, about
-- 2,000 batches a second while answers take a few ms.
dofile(os.getenv("REPORT_BATCHES"))
local pace = tonumber(os.getenv("PACE_MS") or "15")
function delay()
  return pace
end
