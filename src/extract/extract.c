/* extract.c — the extractor's frames: for each action trigger of a sentence, the actor and
 * the recipient by frame (active, passive, participle, noun, coordination), with the clause
 * syntax of extract_syntax.c. The article loop is extract_document.c, events extract_event.c. */
#include "extract.h"
#include "extract_int.h"
#include "extract_syntax.h"
#include "extract_context.h"
#include "extract_event.h"
#include "qp.h"
#include "fold.h"
#include "timex.h"
#include "datadir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int qp_extractor_init(qp_extractor **out, char *errmsg, size_t errlen)
{
    *out = NULL;
    qp_extractor *x = calloc(1, sizeof *x);
    if (!x)
        return QP_ENOMEM;
    errmsg[0] = '\0';
    int r = qp_lexicon_load(&x->lx, errmsg, errlen);
    if (r) {
        qp_lexicon_destroy(&x->lx);
        free(x);
        return r;
    }
    for (int lang = 0; lang < QP_LANG_COUNT; lang++) {
        char rel[64], path[4096];
        snprintf(rel, sizeof rel, "lexicon/%s/frames.json", qp_lang_code((qp_lang)lang));
        if (qp_data_path(rel, path, sizeof path)) {
            snprintf(errmsg, errlen, "%s: not found", path);
            r = QP_ENOTFOUND;
        } else {
            r = xfr_load(&x->frames[lang], path, errmsg, errlen);
        }
        if (r) {
            qp_extractor_destroy(x);
            return r;
        }
    }
    r = qp_parser_load(&x->parser, errmsg, errlen);
    if (r) {
        qp_extractor_destroy(x);
        return r;
    }
    int g = qp_gazetteer_open(&x->gaz, qp_gazetteer_default_path());
    if (g) {
        x->gaz = NULL;
        snprintf(errmsg, errlen, "no gazetteer at %s (%s): places limited to countries; run tools/fetch-geonames.sh",
                 qp_gazetteer_default_path(), qp_strerror(g));
    }
    /* without inflections only dictionary forms match and most events go unseen: say so */
    if (!x->lx.n_forms[0] || !x->lx.n_forms[1])
        snprintf(errmsg, errlen, "no inflected forms for %s (lexicon/%s/forms.tsv is built by `ninja -C build`): "
                 "only dictionary forms of verbs will match", x->lx.n_forms[0] ? "English" : "French",
                 x->lx.n_forms[0] ? "en" : "fr");
    *out = x;
    return 0;
}

const struct qp_lexicon *qp_extractor_lexicon(const qp_extractor *x)
{
    return &x->lx;
}

void qp_extractor_destroy(qp_extractor *x)
{
    if (!x)
        return;
    qp_lexicon_destroy(&x->lx);
    qp_gazetteer_close(x->gaz);
    qp_parser_destroy(x->parser);
    for (int lang = 0; lang < QP_LANG_COUNT; lang++)
        xfr_destroy(&x->frames[lang]);
    free(x);
}

/* A noun's subject is tied to it by a light verb ("X a lancé des raids", "X provided
 * support") or stands right before it ("coalition strikes", "l'EI, ses attaques"); an actor
 * that merely said something ("X évoque six morts") is not. */

/* Partners in one deed: "X et Y ont lancé", "fought alongside". */
static const qp_lex_action cooperation = {.code = "COOPERATE", .cameo = "06", .context = "military",
                                          .object = "none", .weight = 0.6};

static const qp_lex_action support_of_words = {.code = "SUPPORT", .cameo = "05", .context = "political",
                                               .object = "recipient", .pos = "noun", .weight = 0.6};

/* The event of the same code in this or the three sentences before (a report's section
 * headers come between), whose actor an actorless report continues; of the same mode when
 * one is given and one is there ("That strike on Sunday killed…" goes on from the airstrikes,
 * not from the ground forces they supported). */
static const qp_event *carried_event(const doc_state *st, int sentence, const char *code, const char *mode)
{
    const qp_event *any = NULL;
    for (size_t i = st->n_events; i-- > 0;) {
        const qp_event *e = &st->events[i];
        if (e->sentence + 3 < sentence)
            break;
        if (strcmp(e->action, code) || (e->flags & QP_EVENT_HIDDEN))
            continue;
        if (!mode || (e->mode && !strcmp(e->mode, mode)))
            return e;
        if (!any)
            any = e;
    }
    return any;
}


static const char *const resolutions[] = {"resolution", "resolutions"};

/* Words that folding makes into triggers but whose accents say otherwise: "marché(s)" are
 * markets, not marches. */
static int accented_homograph(const sentence_view *s, const mention *m)
{
    static const char *const words[] = {"march\xc3\xa9", "march\xc3\xa9s", "March\xc3\xa9", "March\xc3\xa9s"};
    if (m->t1 != m->t0 + 1)
        return 0;
    const qp_token *t = &s->tok[m->t0];
    for (size_t i = 0; i < QP_ARRAY_LEN(words); i++)
        if (t->end - t->start == strlen(words[i]) && !memcmp(s->text + t->start, words[i], strlen(words[i])))
            return 1;
    return 0;
}

/* "un avion de chasse", "des chars d'assaut", "hélicoptères de combat": a noun that names a
 * weapon's kind, not an act. */
static int weapon_compound(const sentence_view *s, const mention *m)
{
    static const char *const heads[] = {"avion", "avions", "helicoptere", "helicopteres", "char", "chars", "fusil",
                                        "fusils", "vehicule", "vehicules", "drone", "drones", "navire", "navires",
                                        "batiment", "batiments", "unite", "unites", "bombardier", "bombardiers",
                                        "appareil", "appareils", "tenue", "tenues", "brigade", "brigades"};
    if (m->t0 < 2 || !(xs_is(s, m->t0 - 1, "de") || xs_is(s, m->t0 - 1, "d")))
        return 0;
    return xs_is_any(s, m->t0 - 2, heads, QP_ARRAY_LEN(heads));
}

/* "les", "des", "ces": a plural determiner, after which a participle is a noun ("les blessés")
 * — "la zone reprise" has its noun between. */
static int plural_article(const sentence_view *s, size_t t)
{
    static const char *const plural[] = {"les", "des", "ces", "aux", "leurs", "ses", "nos", "vos", "mes"};
    return xs_is_any(s, t, plural, QP_ARRAY_LEN(plural));
}

/* The doer of the deed a trigger's object names ("condamné ces attaques", "condemned the
 * executions"): the initiator of the latest assault or coercion, in this sentence or the three
 * before, other than the subject's side. Leaves out empty when none. */
static void deed_doer(const doc_state *st, const sentence_view *s, size_t mi, qp_actor_ref *out)
{
    const qp_extractor *x = st->x;
    int deed = -1;
    for (size_t i = mi + 1; i < s->n_m && s->m[i].t0 <= s->m[mi].t1 + 6 && deed < 0; i++) {
        const mention *d = &s->m[i];
        if (d->kind == MENTION_ACTOR)
            return; /* an accused is named */
        for (int k = 0; d->kind == MENTION_ACTION && k < d->n_readings; k++) {
            const qp_lex_action *a = &x->lx.actions[d->actions[k]];
            if (!strcmp(a->pos, "noun") && a->code && (!strcmp(a->code, "ASSAULT") || !strcmp(a->code, "COERCE")))
                deed = (int)i;
        }
    }
    if (deed < 0)
        return;
    int by = xs_genitive_after(s, s->m[deed].t1); /* "ces attaques du régime" */
    if (by >= 0) {
        *out = s->m[by].actor;
        return;
    }
    for (size_t i = st->n_events; i-- > 0;) {
        const qp_event *e = &st->events[i];
        if (e->sentence + 3 < s->index)
            break;
        if ((e->flags & QP_EVENT_HIDDEN) || (strcmp(e->action, "ASSAULT") && strcmp(e->action, "COERCE")))
            continue;
        *out = e->actor1;
        out->text = NULL;
        return;
    }
}

/* The mode of a trigger's noun reading of the given code ("strike" → aerial), NULL. */
static const char *noun_mode(const qp_extractor *x, const mention *m, const char *code)
{
    for (int k = 0; k < m->n_readings; k++) {
        const qp_lex_action *a = &x->lx.actions[m->actions[k]];
        if (!strcmp(a->pos, "noun") && a->code && !strcmp(a->code, code) && a->mode)
            return a->mode;
    }
    return NULL;
}

int xf_frames(doc_state *st, sentence_view *s)
{
    const qp_extractor *x = st->x;
    int *targets = qp_arena_alloc(st->arena, (s->n_m + 1) * sizeof *targets);
    if (!targets)
        return QP_ENOMEM;
    for (size_t i = 0; i < s->n_m; i++)
        targets[i] = -1;
    for (size_t mi = 0; mi < s->n_m; mi++) {
        const mention *m = &s->m[mi];
        if (m->kind != MENTION_ACTION)
            continue;
        int ri = xs_choose_reading(x, s, mi);
        const qp_lex_action *act = &x->lx.actions[m->actions[ri]];
        int tag = m->tags[ri];
        int is_noun = !strcmp(act->pos, "noun");
        int stative = !strcmp(act->code ? act->code : "", "MOBILIZE") || !strcmp(act->code ? act->code : "", "RETREAT");
        if (accented_homograph(s, m) || weapon_compound(s, m))
            continue;
        /* "have demonstrated their ability": to demonstrate something is to show it, not to
         * protest */
        static const char *const shown[] = {"their", "its", "his", "her", "our", "the", "a", "an", "that", "this",
                                            "great", "strong", "remarkable"};
        if (!is_noun && st->lang == 1 && act->code && !strcmp(act->code, "PROTEST") &&
            xs_is_any(s, m->t1, shown, QP_ARRAY_LEN(shown)))
            continue;
        if (!is_noun && m->t0 > 0 && xs_is_article(s, m->t0 - 1) && (tag != TAG_PPAS || plural_article(s, m->t0 - 1)))
            continue; /* "la cible", "the attack", "les marchés", "les blessés": nouns that look like verb forms */
        if (tag == TAG_PPRE && st->lang == 0 && !(m->t0 > 0 && xs_is(s, m->t0 - 1, "en")) &&
            !(m->t0 > 1 && xs_is(s, m->t0 - 2, "en") && (xs_is(s, m->t0 - 1, "se") || xs_is(s, m->t0 - 1, "s"))))
            continue; /* "commandant de la 7e division" is a title, not an act of command */
        /* "nous sommes", "we have": être and avoir are never events, whatever else they spell */
        if (xs_is_any(s, m->t0, XS_ETRE, XS_ETRE_N) || xs_is_avoir(s, m->t0))
            continue;
        xs_group subj = {.n = 0}, agent = {.n = 0};
        qp_actor_ref speaker = {0};
        static const char *const first_person[] = {"nous", "we", "je", "j", "i"};
        int obj = -1, obj_place = -1;
        int flags = xs_modality(s, m->t0, m->t1, tag);
        double conf = act->weight;

        /* "ont manifesté leur soutien": the verb of speech only carries the noun's event */
        if (!is_noun && mi + 1 < s->n_m && s->m[mi + 1].kind == MENTION_ACTION && s->m[mi + 1].t0 <= m->t1 + 4 &&
            xs_verbal_light(x, m) && xs_has_noun_reading(x, &s->m[mi + 1], NULL))
            continue;
        /* "destroyed 20 fighting positions": a noun that is what a verb acted on is no event of
         * its own; nor, in English, a noun that modifies the next one ("supply routes") */
        if (is_noun && (xs_verb_object(x, s, mi) || (st->lang == 1 && xs_noun_modifier(s, m))))
            continue;
        /* "ISIS fighting positions", "staging areas": an English -ing form before a noun
         * qualifies it; so does any verb form inside "an ISIS supply route", "three ISIS
         * command nodes", where a determiner before the actor opens one noun phrase */
        if (!is_noun && xs_inside_noun_phrase(s, mi, tag))
            continue;
        st->trigger_past = is_noun ? xs_clause_past(x, s, mi) : xs_past_tag(s, m, tag);
        int has_aux_avoir = 0, has_aux_etre = 0;
        for (size_t k = m->t0 > 3 ? m->t0 - 3 : 0; k < m->t0; k++) {
            has_aux_avoir |= xs_is_avoir(s, k);
            has_aux_etre |= xs_is_any(s, k, XS_ETRE, XS_ETRE_N);
        }
        /* "les forces de sécurité on tiré": the common misspelling of "ont" before a participle */
        if (tag == TAG_PPAS && st->lang == 0 && m->t0 > 0 && xs_is(s, m->t0 - 1, "on"))
            has_aux_avoir = 1;
        /* "a rejeté les ingérences et accusé", "a pour sa part dénoncé": the auxiliary further
         * back, when a conjunction or an adverb, not a noun, stands before the participle */
        static const char *const links[] = {"et", "puis", "ou", "part", "egalement", "aussi", "deja", "encore",
                                            "finalement", "notamment", "vivement", "fermement", "and", "also",
                                            "then", "strongly", "repeatedly"};
        if (tag == TAG_PPAS && !has_aux_avoir && !has_aux_etre && m->t0 > 0 &&
            xs_is_any(s, m->t0 - 1, links, QP_ARRAY_LEN(links)))
            for (size_t k = m->t0 > 10 ? m->t0 - 10 : 0; k + 1 < m->t0; k++) {
                if (xs_boundary(s, k) || xs_is(s, k, ",") || xs_is_any(s, k, XS_ETRE, XS_ETRE_N))
                    has_aux_avoir = 0;
                else if (xs_is_avoir(s, k))
                    has_aux_avoir = 1;
            }
        /* "ont été tuées", "have been killed": avoir is été's auxiliary, the participle is passive */
        if (m->t0 > 0 && (xs_is(s, m->t0 - 1, "ete") || xs_is(s, m->t0 - 1, "been")))
            has_aux_avoir = 0, has_aux_etre = 1;
        /* "les rebelles se sont emparés de": a pronominal verb's past is active */
        if (has_aux_etre && st->lang == 0 && m->t0 > 1 && xs_is_any(s, m->t0 - 1, XS_ETRE, XS_ETRE_N) &&
            (xs_is(s, m->t0 - 2, "se") || xs_is(s, m->t0 - 2, "s")))
            has_aux_avoir = 1, has_aux_etre = 0;
        int passive = 0;
        if (!is_noun && tag == TAG_PPAS && !has_aux_avoir && xs_agent_after(s, m->t1, &agent))
            passive = 1;

        if (act->light) {
            /* "l'une menée par le régime": the agent leads the nearest offensive named before */
            int nt = passive || (tag == TAG_PPAS && has_aux_etre) ? xs_noun_trigger_before(x, s, m->t0) : -1;
            if (nt < 0)
                continue;
            const mention *nm = &s->m[nt];
            const qp_lex_action *na = NULL;
            for (int k = 0; k < nm->n_readings && !na; k++)
                if (!strcmp(x->lx.actions[nm->actions[k]].pos, "noun") && !x->lx.actions[nm->actions[k]].light)
                    na = &x->lx.actions[nm->actions[k]];
            if (!na)
                continue;
            if (!passive) {
                /* "38 strikes were conducted on Sept. 14": in a run of reports, by the forces
                 * that the report is about; the target is inferred with the others' */
                const qp_event *prev = carried_event(st, s->index, na->code, na->mode);
                if (prev && na->code && !strcmp(na->code, "ASSAULT")) {
                    int r = xe_add_event(st, s, nm, na, &prev->actor1, NULL, -1, flags, na->weight * 0.5, na->code);
                    if (r)
                        return r;
                }
                continue;
            }
            int tobj = xs_find_object(x, s, nm->t1, na, 1, &obj_place, NULL);
            if (targets[nt] >= 0)
                tobj = targets[nt];
            for (int i = 0; i < agent.n; i++) {
                int r = xe_add_event(st, s, nm, na, &s->m[agent.m[i]].actor, tobj >= 0 ? &s->m[tobj].actor : NULL,
                                     obj_place, flags, na->weight * 0.9, na->code);
                if (r)
                    return r;
                xe_widen_evidence(st->last_added, s, &s->m[agent.m[i]]);
            }
            continue;
        }

        const qp_actor_ref *a2 = NULL;
        if (passive) {
            /* "le régime soutenu par Moscou": the backer is after par, the backed before */
            int left = -1;
            for (size_t i = mi; i-- > 0;) {
                const mention *lm = &s->m[i];
                if (lm->kind == MENTION_ACTOR && m->t0 - lm->t1 <= 3) {
                    left = (int)i;
                    break;
                }
                if (lm->kind >= 0 && lm->kind != MENTION_DEMONYM)
                    break;
            }
            size_t aux = m->t0;
            while (aux > 0 && (xs_is_any(s, aux - 1, XS_ETRE, XS_ETRE_N) || xs_is_avoir(s, aux - 1)))
                aux--;
            static const char *const relatives[] = {"qui", "which", "that", "who", "where", "ou"};
            if (left < 0 && has_aux_etre && !(aux > 0 && xs_is_any(s, aux - 1, relatives, QP_ARRAY_LEN(relatives)))) {
                /* "60 écoliers qui manifestaient dans la cour, ont été arrêtés par …": the
                 * clause's subject, past its relative clause */
                xs_group patient;
                xs_find_subject(x, s, m->t0, &patient);
                if (patient.n > 0 && patient.m[0] != agent.m[0])
                    left = patient.m[0];
            }
            if (left >= 0)
                a2 = &s->m[left].actor;
            /* "une manifestation a été dispersée par les chabiha": the population suffered it */
            qp_actor_ref population = {0};
            int ci = qp_lexicon_actor(&x->lx, "CIVILIANS");
            if (left < 0 && ci >= 0 && act->code && (!strcmp(act->code, "ASSAULT") || !strcmp(act->code, "COERCE")))
                for (size_t k = m->t0 > 5 ? m->t0 - 5 : 0; k < m->t0 && !a2; k++) {
                    int mk = xs_mention_at(s, k);
                    if (xs_is_any(s, k, XS_POPULATED, XS_POPULATED_N) ||
                        (mk >= 0 && xs_is_protest_noun(x, &s->m[mk]))) {
                        xt_actor_from_lexicon(x, ci, NULL, &population);
                        a2 = &population;
                    }
                }
            /* "le bilan avancé par l'ONU": a taking or an advance takes a place or a force */
            if (!a2 && act->object && !strcmp(act->object, "place") && !strchr(act->lemma, ' ') && act->code &&
                !strcmp(act->code, "ASSAULT") && !xs_place_before(s, m->t0))
                continue;
            for (int i = 0; i < agent.n; i++) {
                int r = xe_add_event(st, s, m, act, &s->m[agent.m[i]].actor, a2, -1, flags, conf, act->code);
                if (r)
                    return r;
                qp_event *e = st->last_added;
                if (e) {
                    xe_widen_evidence(e, s, &s->m[agent.m[i]]);
                    if (left >= 0)
                        xe_widen_evidence(e, s, &s->m[left]);
                }
            }
            continue;
        }
        if (!is_noun && tag == TAG_PPAS && !has_aux_avoir) {
            /* "US-backed forces": the actor is glued before the participle */
            if (m->t0 > 0 && (s->tok[m->t0].flags & QP_TOK_GLUED)) {
                size_t pt = m->t0 - 1;
                while (pt > 0 && (s->tok[pt].flags & QP_TOK_PUNCT))
                    pt--; /* "U.S.-backed" */
                int mj = xs_mention_at(s, pt);
                if (mj >= 0 && s->m[mj].kind == MENTION_ACTOR) {
                    int o = (size_t)mi + 1 < s->n_m && s->m[mi + 1].kind == MENTION_ACTOR &&
                                    s->m[mi + 1].t0 <= m->t1 + 3
                                ? (int)mi + 1
                                : -1;
                    int r = xe_add_event(st, s, m, act, &s->m[mj].actor, o >= 0 ? &s->m[o].actor : NULL, -1, flags,
                                         conf, act->code);
                    if (r)
                        return r;
                    xe_widen_evidence(st->last_added, s, &s->m[mj]);
                    if (o >= 0)
                        xe_widen_evidence(st->last_added, s, &s->m[o]);
                }
                continue;
            }
            /* "30 civilians were killed when aircraft bombed…", "150 combattants du régime ont été
             * tués dans des affrontements": the victims of the sentence */
            if (has_aux_etre && act->code && !strcmp(act->code, "ASSAULT") && mi > 0 &&
                s->m[mi - 1].kind == MENTION_ACTOR && m->t0 - s->m[mi - 1].t1 <= 3 && s->m[mi - 1].actor.id &&
                (st->victims < 0 || strcmp(s->m[mi - 1].actor.kind ? s->m[mi - 1].actor.kind : "", "civilians") == 0))
                st->victims = (int)mi - 1;
            /* "les zones reprises", "was struck": no actor to name; but "sont positionnées",
             * "were deployed" say what the subject did */
            if (!(stative && has_aux_etre))
                continue;
        }
        xs_find_subject(x, s, m->t0, &subj);
        /* "Nous exigeons une enquête", a-t-il poursuivi: we is the speaker */
        if (subj.n == 0 && !is_noun && m->t0 > 0 && xs_is_any(s, m->t0 - 1, first_person, QP_ARRAY_LEN(first_person))) {
            int sp = xc_speaker(s, m->t1);
            if (sp >= 0) {
                subj.n = 1;
                subj.m[0] = sp;
            } else {
                /* the speaker of the two sentences before: "a déclaré M. Lavrov. « Nous … »" */
                for (int back = 1; back <= 2 && back <= s->index && !speaker.id; back++) {
                    const sentence_view *p = s - back;
                    int ps = xc_speaker(p, 0);
                    if (ps >= 0)
                        speaker = p->m[ps].actor;
                }
                if (speaker.id && !(speaker.text = xt_span_text(st->arena, s, m->t0 - 1, m->t0)))
                    return QP_ENOMEM;
            }
        }
        int antecedent = is_noun ? -1 : xs_relative_antecedent(s, mi);
        if (antecedent >= 0) {
            subj.n = 1;
            subj.m[0] = antecedent;
        }
        int head = is_noun ? xs_apposition_head(s, mi) : -1;
        if (head >= 0) {
            subj.n = 1;
            subj.m[0] = head;
        }
        /* "rebel groups fighting Assad": a present participle's subject is the noun it follows */
        if (!is_noun && tag == TAG_PPRE && mi > 0 && s->m[mi - 1].kind == MENTION_ACTOR &&
            s->m[mi - 1].t1 == m->t0 && !has_aux_etre) {
            subj.n = 1;
            subj.m[0] = (int)mi - 1;
        }
        /* "coalition strikes", "ISIS's attack": an actor right before a noun is its actor */
        if (is_noun && mi > 0 && s->m[mi - 1].kind == MENTION_ACTOR &&
            (xs_adjacent(s, s->m[mi - 1].t1, m->t0) ||
             (s->m[mi - 1].t1 + 1 == m->t0 && xs_is(s, s->m[mi - 1].t1, "s")))) {
            /* but "ISIL's defeat", "the regime's fall": the one who lost */
            static const char *const suffered[] = {"defeat", "defaite", "chute", "fall", "collapse", "effondrement",
                                                   "capitulation", "surrender", "reddition"};
            char lemma[32];
            if (qp_fold_token(act->lemma, strlen(act->lemma), lemma, sizeof lemma) > 0 &&
                xs_word_in(lemma, suffered, QP_ARRAY_LEN(suffered))) {
                targets[mi] = (int)mi - 1;
                continue;
            }
            subj.n = 1;
            subj.m[0] = (int)mi - 1;
        }
        /* "accused the YPG of attacking", "accuse Damas d'avoir bombardé": the accused is the
         * actor of an act that is only alleged */
        int accused = xs_accused_actor(x, s, mi);
        if (accused >= 0) {
            subj.n = 1;
            subj.m[0] = accused;
            flags |= QP_EVENT_HYPOTHETICAL | QP_EVENT_REPORTED;
        }
        /* a noun's actor and recipient around it: "le pilonnage de quartiers par l'armée",
         * "l'offensive du régime contre Alep", "strikes by the coalition", "the liberation of
         * Manbij", "le soutien de Damas par Moscou" */
        int noun_obj = -1, light = -1;
        if (is_noun) {
            int by = xs_by_agent_after(s, m->t1);
            /* "support from the coalition", "l'aide de la Turquie": who gives the support */
            if (by < 0 && act->code && (!strcmp(act->code, "AID") || !strcmp(act->code, "SUPPORT")) &&
                xs_is(s, m->t1, "from")) {
                size_t n = m->t1 + 1;
                while (n < s->n_tok && xs_is_article(s, n))
                    n++;
                int mj = n < s->n_tok ? xs_mention_at(s, n) : -1;
                if (mj >= 0 && s->m[mj].kind == MENTION_ACTOR)
                    by = mj;
            }
            int gen = xs_genitive_after(s, m->t1);
            int of = gen >= 0 && xs_is(s, m->t1, "of");
            int left = subj.n > 0 ? head >= 0 || xs_noun_linked(x, s, &s->m[subj.m[subj.n - 1]], m, &light) : 0;
            /* "strikes in support of Iraqi forces", "en soutien aux rebelles", "à l'appui de" */
            if (subj.n > 0 && !left && m->t0 > 0 &&
                (xs_is(s, m->t0 - 1, "in") || xs_is(s, m->t0 - 1, "en") || xs_is(s, m->t0 - 1, "direct") ||
                 (m->t0 > 1 && xs_is(s, m->t0 - 2, "a") && xs_is(s, m->t0 - 1, "l"))))
                left = 1;
            if (m->t0 > 0 && (s->tok[m->t0].flags & QP_TOK_GLUED)) {
                int mj = xs_mention_at(s, m->t0 - 1); /* "Russian-led offensive", "ISIS-held" */
                if (mj >= 0 && s->m[mj].kind == MENTION_ACTOR) {
                    subj.n = 1;
                    subj.m[0] = mj;
                    left = 1;
                }
            }
            /* "with the support of coalition air power", "avec l'appui de l'aviation russe": the
             * genitive supports the clause's subject */
            if (by < 0 && gen >= 0 && act->code && (!strcmp(act->code, "AID") || !strcmp(act->code, "SUPPORT")) &&
                m->t0 >= 2 && (xs_is(s, m->t0 - 2, "with") || xs_is(s, m->t0 - 2, "avec") ||
                               (m->t0 >= 3 && xs_is(s, m->t0 - 3, "avec")))) {
                int backed = subj.n > 0 ? subj.m[0] : -1;
                subj.n = 1;
                subj.m[0] = gen;
                left = 1;
                gen = backed; /* becomes the noun's object below */
            }
            if (by >= 0) {
                subj.n = 1;
                subj.m[0] = by;
                /* "le blocage par Moscou et Pékin": each blocks */
                for (size_t j = (size_t)by + 1; j < s->n_m && subj.n < 6; j++) {
                    const mention *c = &s->m[j];
                    if (c->kind < 0)
                        continue;
                    size_t b = xs_before_np(s, c->t0);
                    if (c->kind != MENTION_ACTOR || b == (size_t)-1 || !(xs_is(s, b, "et") || xs_is(s, b, "and")) ||
                        b != s->m[subj.m[subj.n - 1]].t1)
                        break;
                    subj.m[subj.n++] = (int)j;
                }
                noun_obj = gen;
            } else if (left) {
                noun_obj = gen;
            } else if (gen >= 0 && !of && xs_genitive_is_agent(s, &s->m[gen])) {
                /* "l'offensive du régime contre Alep": the genitive acts when a target follows */
                subj.n = 1;
                subj.m[0] = gen;
            } else {
                subj.n = 0;
                noun_obj = of ? gen : -1;
            }
            if (noun_obj >= 0 && subj.n > 0 && noun_obj == subj.m[0])
                noun_obj = -1;
            /* "exprimer son soutien": words of support, not arms */
            if (light >= 0 && act->code && !strcmp(act->code, "AID") && xs_verbal_light(x, &s->m[light]))
                act = &support_of_words;
        }
        if (is_noun && subj.n == 0) {
            /* "les frappes russes", "Russian strikes": a nationality on the noun is its actor */
            int dm = -1;
            if (mi + 1 < s->n_m && s->m[mi + 1].kind == MENTION_DEMONYM && s->m[mi + 1].t0 <= m->t1 + 1)
                dm = (int)mi + 1;
            else if (mi > 0 && s->m[mi - 1].kind == MENTION_DEMONYM &&
                     (s->m[mi - 1].t1 == m->t0 ||
                      (s->m[mi - 1].t1 + 1 == m->t0 && !(s->tok[s->m[mi - 1].t1].flags & QP_TOK_PUNCT))))
                dm = (int)mi - 1; /* "Russian air strikes"; not "le Hezbollah libanais, allié de" */
            if (dm >= 0) {
                s->m[dm].kind = MENTION_ACTOR;
                xt_actor_from_country(x, s->m[dm].country, &s->m[dm].actor);
                s->m[dm].actor.text = xt_span_text(st->arena, s, s->m[dm].t0, s->m[dm].t1);
                subj.n = 1;
                subj.m[0] = dm;
            }
        }
        if (subj.n == 0 && !speaker.id) {
            /* no actor in sight: in a run of reports ("Near Raqqa, 22 strikes engaged ISIS
             * units"), the actor of the same kind of event just before */
            obj = xs_find_object(x, s, m->t1, act, is_noun, &obj_place, NULL);
            int after_noun = !is_noun && mi > 0 && s->m[mi - 1].kind == MENTION_ACTION &&
                             m->t0 - s->m[mi - 1].t1 <= 2 && xs_has_noun_reading(x, &s->m[mi - 1], act->code);
            const char *mode = after_noun ? noun_mode(x, &s->m[mi - 1], act->code) : NULL;
            const qp_event *prev = carried_event(st, s->index, act->code, mode);
            /* "Near Tal Afar, a strike destroyed three facilities": the target too goes on */
            const qp_actor_ref *target = obj >= 0 ? &s->m[obj].actor : (prev ? &prev->actor2 : NULL);
            /* an assault's target may still be to come: the targets are inferred once the
             * article is read */
            int target_later = !strcmp(act->code, "ASSAULT") && (!target || !target->id);
            if (target_later)
                target = NULL;
            if (prev && after_noun &&
                (target_later || (target && target->id && !xc_same_actor(&prev->actor1, target)))) {
                int r = xe_add_event(st, s, m, act, &prev->actor1, target, obj_place, flags,
                                     conf * (obj >= 0 ? 0.6 : 0.5), act->code);
                if (r)
                    return r;
                if (obj >= 0)
                    xe_widen_evidence(st->last_added, s, &s->m[obj]);
            }
            continue;
        }
        if (is_noun && subj.n == 1 && xs_target_construction(s, m->t0)) {
            /* "l'EI est la cible de deux offensives": the subject is what is attacked; the
             * attackers come later ("menée par le régime") */
            targets[mi] = subj.m[0];
            continue;
        }
        /* "X et Y se battent", "X and Y clashed", "des combats entre X et Y": each fights the other */
        /* agreeing and meeting take two: "la Russie et la Turquie ont signé un accord" */
        int mutual = act->code && (!strcmp(act->code, "AGREE") || !strcmp(act->code, "CONSULT") ||
                                    !strcmp(act->code, "COOPERATE"));
        if (act->code && (!strcmp(act->code, "ASSAULT") || mutual) && noun_obj < 0) {
            xs_group pair = subj;
            int recip = subj.n == 2 && ((!is_noun && xs_reciprocal_verb(s, m)) ||
                                        (mutual && xs_find_object(x, s, m->t1, act, is_noun, &obj_place, NULL) < 0));
            if (is_noun && (xs_is(s, m->t1, "entre") || xs_is(s, m->t1, "between")))
                recip = xs_between_pair(s, m->t1 + 1, &pair);
            if (recip && pair.n == 2) {
                for (int i = 0; i < 2; i++) {
                    int r = xe_add_event(st, s, m, act, &s->m[pair.m[i]].actor, &s->m[pair.m[1 - i]].actor, -1, flags,
                                         conf, act->code);
                    if (r)
                        return r;
                    xe_widen_evidence(st->last_added, s, &s->m[pair.m[0]]);
                    xe_widen_evidence(st->last_added, s, &s->m[pair.m[1]]);
                }
                continue;
            }
        }
        int protest = 0;
        obj = noun_obj >= 0 ? noun_obj : xs_find_object(x, s, m->t1, act, is_noun, &obj_place, &protest);
        /* "Nous soutenons le plan de Kofi Annan", "backed the UN's proposal": backing a plan is
         * words, for whoever made it */
        if (obj < 0 && !is_noun && act->code && !strcmp(act->code, "AID")) {
            size_t k = m->t1;
            while (k < s->n_tok && xs_is_article(s, k))
                k++;
            if (k < s->n_tok && xs_is_any(s, k, XS_PROPOSALS, XS_PROPOSALS_N)) {
                act = &support_of_words;
                obj = xs_genitive_after(s, k + 1);
            }
        }
        qp_actor_ref implied = {0};
        if (obj < 0 && act->code && a2 == NULL && !protest) {
            /* "bloquer une résolution", "opposed any resolution": the UN's */
            size_t k = m->t1;
            while (k < s->n_tok && k < m->t1 + 8 && !xs_is_any(s, k, resolutions, QP_ARRAY_LEN(resolutions)) &&
                   !xs_boundary(s, k) && !xs_is(s, k, ","))
                k++;
            int un = qp_lexicon_actor(&x->lx, "UN");
            if (k < s->n_tok && xs_is_any(s, k, resolutions, QP_ARRAY_LEN(resolutions)) && un >= 0 &&
                (!strcmp(act->code, "REJECT") || !strcmp(act->code, "SUPPORT") || !strcmp(act->code, "AGREE"))) {
                xt_actor_from_lexicon(x, un, NULL, &implied);
                implied.text = NULL;
            }
            /* "ont condamné ces attaques", "condemned the executions": whoever did them */
            if (!implied.id && !strcmp(act->code, "ACCUSE"))
                deed_doer(st, s, mi, &implied);
        }
        /* "le Hezbollah fournit à l'armée syrienne de l'aide", "provided the rebels with
         * weapons": the recipient sits between the light verb and the noun */
        if (obj < 0 && light >= 0) {
            for (size_t i = (size_t)light + 1; i < mi; i++) {
                const mention *o = &s->m[i];
                if (o->kind != MENTION_ACTOR)
                    continue;
                size_t b = xs_before_np(s, o->t0);
                if (b == s->m[light].t1 - 1 || (b != (size_t)-1 && (xs_is(s, b, "a") || xs_is(s, b, "au") ||
                                                                    xs_is(s, b, "aux") || xs_is(s, b, "to")))) {
                    obj = (int)i;
                    break;
                }
            }
        }
        if (obj >= 0)
            a2 = &s->m[obj].actor;
        else if (implied.id)
            a2 = &implied;
        /* "le renseignement israélien a accusé le régime": a bare agent guessed to be the
         * subject's own country is the government of the country the article is about */
        qp_actor_ref other = {0};
        if (obj >= 0 && s->m[obj].guessed && subj.n == 1 && s->m[obj].actor.country &&
            s->m[subj.m[0]].actor.country && !strcmp(s->m[obj].actor.country, s->m[subj.m[0]].actor.country) &&
            st->focus_place.country) {
            int ci = qp_lexicon_country_iso2(&x->lx, st->focus_place.country);
            if (ci >= 0 && strcmp(x->lx.countries[ci].iso3, s->m[obj].actor.country)) {
                xt_actor_from_country(x, ci, &other);
                other.text = s->m[obj].actor.text;
                a2 = &other;
            }
        }
        /* "prendre", "seize" take a place or a force: "Moscou prend ses distances" takes none */
        if (!is_noun && obj < 0 && obj_place < 0 && act->object && !strcmp(act->object, "place") && !protest &&
            !strchr(act->lemma, ' ') && !xs_place_after(s, m->t1))
            continue; /* a phrase ("take control of", "s'emparer de") says what it takes */
        qp_actor_ref civilians = {0};
        int ci = protest && act->code && (!strcmp(act->code, "ASSAULT") || !strcmp(act->code, "COERCE"))
                     ? qp_lexicon_actor(&x->lx, "CIVILIANS")
                     : -1;
        if (ci >= 0) {
            xt_actor_from_lexicon(x, ci, NULL, &civilians);
            a2 = &civilians;
        }
        if (speaker.id) {
            int r =
                xe_add_event(st, s, m, act, &speaker, a2, obj_place, flags | QP_EVENT_REPORTED, conf * 0.8, act->code);
            if (r)
                return r;
            if (obj >= 0)
                xe_widen_evidence(st->last_added, s, &s->m[obj]);
        }
        for (int i = 0; i < subj.n; i++) {
            const mention *sm = &s->m[subj.m[i]];
            for (int g = 0; g < (sm->group ? sm->n_group : 1); g++) {
                qp_actor_ref member = sm->group ? sm->group[g] : sm->actor;
                member.text = sm->actor.text;
                int r = xe_add_event(st, s, m, act, &member, a2, obj_place, flags, conf, act->code);
                if (r)
                    return r;
                qp_event *e = st->last_added;
                xe_widen_evidence(e, s, sm);
                if (obj >= 0)
                    xe_widen_evidence(e, s, &s->m[obj]);
            }
        }
        /* "en se battant aux côtés de l'armée syrienne", "fought alongside Iraqi forces" */
        int ally = act->code && (!strcmp(act->code, "ASSAULT") || !strcmp(act->code, "MOBILIZE"))
                       ? xs_alongside_actor(s, m->t1)
                       : -1;
        for (int i = 0; ally >= 0 && i < subj.n && !(flags & QP_EVENT_HIDDEN); i++) {
            int r = xe_add_event(st, s, m, &cooperation, &s->m[subj.m[i]].actor, &s->m[ally].actor, obj_place, flags,
                                 0.6, "COOPERATE");
            if (r)
                return r;
            xe_widen_evidence(st->last_added, s, &s->m[subj.m[i]]);
            xe_widen_evidence(st->last_added, s, &s->m[ally]);
        }
        /* a joint action: the partners cooperate (two or three of them: "le Danemark, la Grèce,
         * la Lettonie, la Roumanie et Chypre soutiennent" is a vote, not ten partnerships) */
        int material = !strcmp(act->code, "ASSAULT") || !strcmp(act->code, "MOBILIZE") ||
                       !strcmp(act->code, "COERCE") || !strcmp(act->code, "AID");
        if (subj.n >= 2 && subj.n <= 3 && material && !(flags & QP_EVENT_HIDDEN)) {
            for (int i = 0; i < subj.n; i++)
                for (int j = i + 1; j < subj.n; j++) {
                    int r = xe_add_event(st, s, m, &cooperation, &s->m[subj.m[i]].actor, &s->m[subj.m[j]].actor,
                                         obj_place, flags, 0.6, "COOPERATE");
                    if (r)
                        return r;
                    qp_event *e = st->last_added;
                    xe_widen_evidence(e, s, &s->m[subj.m[i]]);
                    xe_widen_evidence(e, s, &s->m[subj.m[j]]);
                }
        }
    }
    return 0;
}
