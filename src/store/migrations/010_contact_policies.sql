-- The contact policy of the outbox (programs.md §10: quiet hours, frequency cap, opt-out words,
-- retries) as a versioned document, kept like the programs and the script library: a version is
-- immutable, one is in force per organisation, and who saved it when is read back in Settings.
CREATE TABLE contact_policies (
  version text PRIMARY KEY,
  document jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text
);

CREATE TABLE active_contact_policy (
  organisation_id text PRIMARY KEY REFERENCES organisations (id),
  version text NOT NULL REFERENCES contact_policies (version),
  changed_at timestamptz NOT NULL DEFAULT now()
);
