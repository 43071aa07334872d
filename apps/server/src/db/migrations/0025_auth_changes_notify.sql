-- Every instance keeps the sessions it has just checked for a few seconds (modules/auth,
-- session cache). Whatever may end a session or change what its user may do is announced on
-- the channel `nx_auth_changed` when its transaction commits, and every instance listening drops
-- what it kept: the payload is the user's id, or '*' when an org moved (assignments carry the
-- org's path). Triggers, so a change made by any path (the app, the command line, SQL) counts.
-- A session's last_seen_at, written once a minute while it is used, is not announced (set back,
-- which only an administrator's SQL does, it is).
CREATE FUNCTION auth_changed_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('nx_auth_changed', (CASE WHEN TG_OP = 'DELETE' THEN OLD.user_id ELSE NEW.user_id END)::text);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION auth_changed_user_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('nx_auth_changed', (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END)::text);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION auth_changed_all() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('nx_auth_changed', '*');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER sessions_auth_changed AFTER UPDATE ON sessions FOR EACH ROW
  WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.expires_at IS DISTINCT FROM NEW.expires_at
        OR OLD.user_agent IS DISTINCT FROM NEW.user_agent OR OLD.token_hash IS DISTINCT FROM NEW.token_hash
        OR OLD.user_id IS DISTINCT FROM NEW.user_id
        OR NEW.last_seen_at < OLD.last_seen_at)
  EXECUTE FUNCTION auth_changed_user();
--> statement-breakpoint
CREATE TRIGGER sessions_auth_deleted AFTER DELETE ON sessions FOR EACH ROW EXECUTE FUNCTION auth_changed_user();
--> statement-breakpoint
CREATE TRIGGER users_auth_changed AFTER UPDATE OR DELETE ON users FOR EACH ROW EXECUTE FUNCTION auth_changed_user_row();
--> statement-breakpoint
CREATE TRIGGER role_assignments_auth_changed AFTER INSERT OR UPDATE OR DELETE ON role_assignments
  FOR EACH ROW EXECUTE FUNCTION auth_changed_user();
--> statement-breakpoint
CREATE TRIGGER user_second_factors_auth_changed AFTER INSERT OR UPDATE OR DELETE ON user_second_factors
  FOR EACH ROW EXECUTE FUNCTION auth_changed_user();
--> statement-breakpoint
CREATE TRIGGER orgs_auth_changed AFTER UPDATE ON orgs FOR EACH ROW
  WHEN (OLD.path IS DISTINCT FROM NEW.path) EXECUTE FUNCTION auth_changed_all();
