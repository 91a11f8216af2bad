-- Number 0011 was never used (0012 followed 0010). This empty migration keeps the sequence whole,
-- because the runner now refuses a gap in the numbering (a missing file is a lost migration).
SELECT 1;
