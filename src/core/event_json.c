/* event_json.c — the JSONL event format documented in the README. */
#include "event_json.h"

static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

static json_t *actor_json(const qp_actor_ref *a)
{
    if (!a->id)
        return json_null();
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(a->id));
    json_object_set_new(o, "label", str_or_null(a->label));
    if (a->label_fr)
        json_object_set_new(o, "label_fr", json_string(a->label_fr));
    json_object_set_new(o, "kind", str_or_null(a->kind));
    json_object_set_new(o, "country", str_or_null(a->country));
    if (a->parent)
        json_object_set_new(o, "parent", json_string(a->parent));
    json_object_set_new(o, "text", str_or_null(a->text));
    return o;
}

json_t *qp_event_to_json(const qp_event *e)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    json_object_set_new(o, "id", str_or_null(e->uid));
    json_object_set_new(o, "doc", str_or_null(e->doc));
    json_object_set_new(o, "sentence", json_integer(e->sentence));
    json_object_set_new(o, "actor1", actor_json(&e->actor1));
    json_t *act = json_object();
    json_object_set_new(act, "code", str_or_null(e->action));
    json_object_set_new(act, "mode", str_or_null(e->mode));
    json_object_set_new(act, "context", str_or_null(e->context));
    json_object_set_new(act, "cameo", str_or_null(e->cameo));
    json_object_set_new(act, "text", str_or_null(e->action_text));
    json_object_set_new(o, "action", act);
    json_object_set_new(o, "actor2", actor_json(&e->actor2));
    if (e->place.id) {
        json_t *p = json_object();
        json_object_set_new(p, "id", json_string(e->place.id));
        json_object_set_new(p, "label", str_or_null(e->place.label));
        json_object_set_new(p, "country", str_or_null(e->place.country));
        json_object_set_new(p, "lat", json_real(e->place.lat));
        json_object_set_new(p, "lon", json_real(e->place.lon));
        if (e->place.feature)
            json_object_set_new(p, "feature", json_string(e->place.feature));
        json_object_set_new(p, "text", str_or_null(e->place.text));
        json_object_set_new(o, "place", p);
    } else {
        json_object_set_new(o, "place", json_null());
    }
    json_t *t = json_object();
    json_object_set_new(t, "value", str_or_null(e->time.value));
    json_object_set_new(t, "start", str_or_null(e->time.start));
    json_object_set_new(t, "end", str_or_null(e->time.end));
    json_object_set_new(t, "grain", str_or_null(e->time.grain));
    json_object_set_new(t, "text", str_or_null(e->time.text));
    json_object_set_new(t, "anchor", str_or_null(e->time.anchor));
    json_object_set_new(o, "time", t);
    json_t *ev = json_object();
    json_object_set_new(ev, "text", str_or_null(e->evidence_text));
    json_object_set_new(ev, "start", json_integer((json_int_t)e->evidence_start));
    json_object_set_new(ev, "end", json_integer((json_int_t)e->evidence_end));
    json_object_set_new(o, "evidence", ev);
    json_object_set_new(o, "confidence", json_real(e->confidence));
    if (e->flags) {
        json_t *fl = json_array();
        if (e->flags & QP_EVENT_NEGATED)
            json_array_append_new(fl, json_string("negated"));
        if (e->flags & QP_EVENT_HYPOTHETICAL)
            json_array_append_new(fl, json_string("hypothetical"));
        if (e->flags & QP_EVENT_REPORTED)
            json_array_append_new(fl, json_string("reported"));
        json_object_set_new(o, "flags", fl);
    }
    if (e->speaker)
        json_object_set_new(o, "speaker", json_string(e->speaker));
    return o;
}
