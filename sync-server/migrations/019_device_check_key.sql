-- A locked device must learn it was revoked without its (sealed) session token:
-- at sign-in it registers a random check key of its own, kept unsealed on the device, that
-- only asks "is this device revoked?" (POST /api/device/status). Stored as a hash.
ALTER TABLE devices ADD COLUMN check_key_hash text;
