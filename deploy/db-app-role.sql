-- Run once by the postgres image when the database is first created (compose.yaml). The API connects
-- as this role (APP_DATABASE_URL): it owns nothing, and the migration LeastPrivilege grants the group
-- role assistance_app only what the application needs (docs/security.md). The migrations run as the
-- owner (DATABASE_URL). Change the password with the one in compose.yaml.
CREATE ROLE assistance_app NOLOGIN;
CREATE ROLE assistance_api LOGIN PASSWORD 'assistance_api';
GRANT assistance_app TO assistance_api;
