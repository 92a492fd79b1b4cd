-- The script library (话术库) and message templates as one versioned document, kept like the
-- policy and the programs: a version is immutable, one is in force per organisation.
CREATE TABLE script_libraries (
  version text PRIMARY KEY,
  document jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text
);

CREATE TABLE active_script_library (
  organisation_id text PRIMARY KEY REFERENCES organisations (id),
  version text NOT NULL REFERENCES script_libraries (version),
  changed_at timestamptz NOT NULL DEFAULT now()
);
