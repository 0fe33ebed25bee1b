CREATE TABLE `diagnosis_codes` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` text,
	`origin_device` text NOT NULL,
	`system` text DEFAULT 'icd10cm' NOT NULL,
	`code` text NOT NULL,
	`title` text NOT NULL,
	`billable` integer DEFAULT true NOT NULL,
	`release` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE INDEX `diagnosis_codes_code` ON `diagnosis_codes` (`system`,`code`);--> statement-breakpoint
-- Local full-text index over the active diagnosis codes, for search as the
-- physician types. Not a synced table: derived from diagnosis_codes by
-- triggers, so codes seeded, imported or applied from other workstations are
-- indexed alike. The code column holds the code without its dot ("E119") so a
-- prefix term finds a whole category ("e11"*); unicode61 with remove_diacritics
-- makes title words case- and accent-insensitive; prefix indexes keep the
-- short prefixes of words typed mid-way fast.
--
-- The index's rowid is a ranking key, not the table's rowid: title length in
-- the high bits, the table rowid in the low 32. FTS5 walks matches in rowid
-- order, so "shortest titles first" (the general code before its long
-- specific variants) is read straight off the index and stops at the limit,
-- where sorting by bm25 would score every match: "fr" matches tens of
-- thousands of fracture codes.
CREATE VIRTUAL TABLE diagnosis_code_search USING fts5(
  code,
  title,
  tokenize = "unicode61 remove_diacritics 2",
  prefix = '1 2 3'
);
--> statement-breakpoint
CREATE TRIGGER diagnosis_codes_search_insert AFTER INSERT ON diagnosis_codes WHEN new.deleted_at IS NULL AND new.active BEGIN
  INSERT INTO diagnosis_code_search(rowid, code, title) VALUES (length(new.title) * 4294967296 + new.rowid, new.code, new.title);
END;
--> statement-breakpoint
-- Only the columns that change what is found: a new release stamp alone does not re-index.
CREATE TRIGGER diagnosis_codes_search_update AFTER UPDATE OF code, title, active, deleted_at ON diagnosis_codes BEGIN
  DELETE FROM diagnosis_code_search WHERE rowid = length(old.title) * 4294967296 + old.rowid;
  INSERT INTO diagnosis_code_search(rowid, code, title)
  SELECT length(new.title) * 4294967296 + new.rowid, new.code, new.title
  WHERE new.deleted_at IS NULL AND new.active;
END;
--> statement-breakpoint
CREATE TRIGGER diagnosis_codes_search_delete AFTER DELETE ON diagnosis_codes BEGIN
  DELETE FROM diagnosis_code_search WHERE rowid = length(old.title) * 4294967296 + old.rowid;
END;
