-- Name search at national scale (docs/performance.md): a misspelt word is matched against the few
-- thousand distinct names in use, not the half-million name rows, then only the rows carrying
-- a matching forename AND surname are scored (plus a bounded few matching one name only).

-- Every distinct forename and surname, lower case, with its sound: the search's dictionary. The
-- search reads it whole (1,180 words for the national synthetic dataset, ~1 ms), comparing each word
-- by trigrams, sound and edit distance, so it needs no index of its own.
CREATE TABLE name_words (
  word text PRIMARY KEY,
  sound text GENERATED ALWAYS AS (dmetaphone(word)) STORED
);

INSERT INTO name_words (word)
  SELECT lower(forename) FROM nominal_names UNION SELECT lower(surname) FROM nominal_names
  ON CONFLICT DO NOTHING;

-- Kept by statement (the generator inserts a thousand people's names at once). Words are never
-- removed: a word nobody carries any more just finds no rows.
CREATE FUNCTION name_words_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO name_words (word)
    SELECT lower(forename) FROM new_names UNION SELECT lower(surname) FROM new_names
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER nominal_names_words AFTER INSERT ON nominal_names
  REFERENCING NEW TABLE AS new_names FOR EACH STATEMENT EXECUTE FUNCTION name_words_add();

-- Each (forename, surname) pair of matching words is one index probe; a word matching one name
-- only has its rows read in order of the other name, until enough are found.
CREATE INDEX nominal_names_surname_forename ON nominal_names (lower(surname), lower(forename));
CREATE INDEX nominal_names_forename_surname ON nominal_names (lower(forename), lower(surname));
-- A search with a date of birth scores everyone born that day.
CREATE INDEX nominals_date_of_birth ON nominals (date_of_birth);
