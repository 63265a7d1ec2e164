/* event_json.h — one event as the JSON object of quipu's output contract. */
#ifndef QP_EVENT_JSON_H
#define QP_EVENT_JSON_H

#include <jansson.h>

#include "event.h"

/* Returns a new JSON object (the caller json_decref()s it), or NULL when out of memory. */
json_t *qp_event_to_json(const qp_event *e);

#endif
