-- Local full-text index over patients for search-as-you-type. Not a synced
-- table: it is derived from patients by triggers, so rows written locally and
-- rows applied from other workstations are indexed alike. unicode61 with
-- remove_diacritics makes matching case- and accent-insensitive; prefix
-- indexes make "jo smi" fast.
CREATE VIRTUAL TABLE patient_search USING fts5(
  names,
  identifiers,
  tokenize = "unicode61 remove_diacritics 2",
  prefix = '1 2 3'
);
--> statement-breakpoint
CREATE TRIGGER patients_search_insert AFTER INSERT ON patients WHEN new.deleted_at IS NULL BEGIN
  INSERT INTO patient_search(rowid, names, identifiers) VALUES (
    new.rowid,
    new.given_name || ' ' || coalesce(new.middle_name, '') || ' ' || new.family_name || ' ' || coalesce(new.preferred_name, ''),
    new.mrn || ' ' || patient_phone_tokens(new.phone_mobile) || ' ' || patient_phone_tokens(new.phone_home)
  );
END;
--> statement-breakpoint
CREATE TRIGGER patients_search_update AFTER UPDATE ON patients BEGIN
  DELETE FROM patient_search WHERE rowid = old.rowid;
  INSERT INTO patient_search(rowid, names, identifiers)
  SELECT
    new.rowid,
    new.given_name || ' ' || coalesce(new.middle_name, '') || ' ' || new.family_name || ' ' || coalesce(new.preferred_name, ''),
    new.mrn || ' ' || patient_phone_tokens(new.phone_mobile) || ' ' || patient_phone_tokens(new.phone_home)
  WHERE new.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER patients_search_delete AFTER DELETE ON patients BEGIN
  DELETE FROM patient_search WHERE rowid = old.rowid;
END;
