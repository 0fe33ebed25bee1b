CREATE TABLE `fhir_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`hlc` text NOT NULL,
	`deleted_at` text,
	`origin_device` text NOT NULL,
	`patient_id` text NOT NULL,
	`bundle_hash` text NOT NULL,
	`imported_by` text NOT NULL,
	`imported_at` text NOT NULL,
	`counts` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `fhir_imports_bundle` ON `fhir_imports` (`bundle_hash`);