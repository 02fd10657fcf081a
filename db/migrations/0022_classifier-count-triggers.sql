-- The classifier's counts follow every change that alters what it learns from
-- (docs/decisions/081). A suggestion's state is its plan, category, status,
-- tags, whether its category is an unconfirmed pre-fill, and its tokens (the
-- distinct lexemes of its search row). It teaches the labels 'all',
-- 'category:<id>' and 'tag:<id>' when it is not spam, held or a duplicate and
-- its category is not an unconfirmed pre-fill; the token '' counts documents.
-- Each trigger appends the difference between the state before and after.
CREATE TYPE "classifier_state" AS (plan_id integer, category_id integer, status suggestion_status, provisional boolean, tag_ids integer[], tokens text[]);
--> statement-breakpoint
CREATE FUNCTION classifier_state_of(sid bigint) RETURNS classifier_state LANGUAGE sql STABLE AS $$
  SELECT row(s.plan_id, s.category_id, s.status,
    coalesce((SELECT p.category_prefilled AND p.resolution IS NULL FROM suggestion_proposals p WHERE p.suggestion_id = s.id), false),
    array(SELECT st.tag_id FROM suggestion_tags st WHERE st.suggestion_id = s.id),
    (SELECT tsvector_to_array(ss.search_vector) FROM suggestion_search ss WHERE ss.suggestion_id = s.id))::classifier_state
  FROM suggestions s WHERE s.id = sid
$$;
--> statement-breakpoint
-- PL/pgSQL, not SQL, on purpose: a SQL function would be inlined and its
-- argument (classifier_state_of(…), four sub-selects) evaluated again for
-- every field and every output row (measured: a 10,000-row recount ran 5 min).
CREATE FUNCTION classifier_pairs(st classifier_state) RETURNS TABLE (plan_id integer, label text, token text) LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF st.plan_id IS NULL OR st.tokens IS NULL OR st.provisional OR st.status IN ('spam', 'pending_verification', 'duplicate') THEN RETURN; END IF;
  RETURN QUERY
    SELECT st.plan_id, l.label, t.token
    FROM unnest(array['all']
        || CASE WHEN st.category_id IS NULL THEN '{}'::text[] ELSE array['category:' || st.category_id] END
        || array(SELECT 'tag:' || x FROM unnest(st.tag_ids) x)) l(label)
    CROSS JOIN unnest(array[''] || st.tokens) t(token);
END $$;
--> statement-breakpoint
CREATE FUNCTION classifier_record_change(before_state classifier_state, after_state classifier_state) RETURNS void LANGUAGE sql AS $$
  INSERT INTO classifier_count_deltas (plan_id, label, token, delta)
  SELECT plan_id, label, token, sum(d)::integer FROM (
    SELECT *, -1 AS d FROM classifier_pairs(before_state)
    UNION ALL SELECT *, 1 AS d FROM classifier_pairs(after_state)) x
  GROUP BY plan_id, label, token HAVING sum(d) <> 0
$$;
--> statement-breakpoint
CREATE FUNCTION classifier_on_suggestions() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE now_state classifier_state; then_state classifier_state;
BEGIN
  IF tg_op = 'DELETE' THEN
    -- BEFORE DELETE: the tags and search row are still there (cascades run after).
    PERFORM classifier_record_change(classifier_state_of(old.id), NULL);
    RETURN old;
  END IF;
  now_state := classifier_state_of(new.id);
  then_state := now_state;
  then_state.plan_id := old.plan_id;
  then_state.category_id := old.category_id;
  then_state.status := old.status;
  PERFORM classifier_record_change(then_state, now_state);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER classifier_suggestions_update AFTER UPDATE OF plan_id, category_id, status ON suggestions FOR EACH ROW
  WHEN (old.plan_id IS DISTINCT FROM new.plan_id OR old.category_id IS DISTINCT FROM new.category_id OR old.status IS DISTINCT FROM new.status)
  EXECUTE FUNCTION classifier_on_suggestions();
--> statement-breakpoint
CREATE TRIGGER classifier_suggestions_delete BEFORE DELETE ON suggestions FOR EACH ROW EXECUTE FUNCTION classifier_on_suggestions();
--> statement-breakpoint
CREATE FUNCTION classifier_on_search() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE now_state classifier_state; then_state classifier_state;
BEGIN
  now_state := classifier_state_of(coalesce(new.suggestion_id, old.suggestion_id));
  -- The suggestion itself is being deleted: its BEFORE DELETE trigger counted it out.
  IF now_state.plan_id IS NULL THEN RETURN NULL; END IF;
  then_state := now_state;
  then_state.tokens := CASE WHEN tg_op = 'INSERT' THEN NULL ELSE tsvector_to_array(old.search_vector) END;
  PERFORM classifier_record_change(then_state, now_state);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER classifier_search_change AFTER INSERT OR DELETE OR UPDATE OF search_vector ON suggestion_search FOR EACH ROW EXECUTE FUNCTION classifier_on_search();
--> statement-breakpoint
CREATE FUNCTION classifier_on_tags() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE now_state classifier_state; then_state classifier_state;
BEGIN
  now_state := classifier_state_of(coalesce(new.suggestion_id, old.suggestion_id));
  IF now_state.plan_id IS NULL THEN RETURN NULL; END IF;
  then_state := now_state;
  then_state.tag_ids := CASE WHEN tg_op = 'INSERT' THEN array_remove(now_state.tag_ids, new.tag_id) ELSE now_state.tag_ids || old.tag_id END;
  PERFORM classifier_record_change(then_state, now_state);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER classifier_tags_change AFTER INSERT OR DELETE ON suggestion_tags FOR EACH ROW EXECUTE FUNCTION classifier_on_tags();
--> statement-breakpoint
CREATE FUNCTION classifier_on_proposals() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE now_state classifier_state; then_state classifier_state;
BEGIN
  now_state := classifier_state_of(coalesce(new.suggestion_id, old.suggestion_id));
  IF now_state.plan_id IS NULL THEN RETURN NULL; END IF;
  then_state := now_state;
  then_state.provisional := CASE WHEN tg_op = 'INSERT' THEN false ELSE old.category_prefilled AND old.resolution IS NULL END;
  PERFORM classifier_record_change(then_state, now_state);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER classifier_proposals_change AFTER INSERT OR DELETE OR UPDATE OF category_prefilled, resolution ON suggestion_proposals FOR EACH ROW EXECUTE FUNCTION classifier_on_proposals();
--> statement-breakpoint
-- What the suggestions already there teach: counted once, here.
INSERT INTO classifier_counts (plan_id, label, token, count)
SELECT p.plan_id, p.label, p.token, count(*)::integer
FROM suggestions s CROSS JOIN LATERAL classifier_pairs(classifier_state_of(s.id)) p
GROUP BY p.plan_id, p.label, p.token;
