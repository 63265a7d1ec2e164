/* extract_parse.c — a sentence parsed and its lexicon mentions laid on the words: the word each
 * mention hangs from, each word's children, lemma and classes. */
#include "extract_parse.h"
#include "fold.h"
#include "qp.h"

#include <stdio.h>
#include <string.h>

/* Which mention a word stands for when it heads several (a composite actor over its parts,
 * an actor over the place the same name is). */
static int rank(const mention *m)
{
    switch (m->kind) {
    case MENTION_ACTOR: return 4;
    case MENTION_AGENT: return 3;
    case MENTION_DEMONYM: return 2;
    case MENTION_PLACE: return 1;
    default: return 0;
    }
}

/* The head of the words [w0, w1): the one whose head lies outside them (the first such, when
 * a mention's words are not one subtree). -1 when there are none. */
static int span_head(const xp_view *p, size_t w0, size_t w1)
{
    for (size_t i = w0; i < w1; i++) {
        int h = p->w[i].head;
        if (h < 0 || (size_t)h < w0 || (size_t)h >= w1)
            return (int)i;
    }
    return -1;
}

/* The tokens of a dateline that opens the sentence ("WASHINGTON —", "BEIRUT, Aug. 3 —",
 * "MOSCOU (AFP) -", "SOUTHWEST ASIA, Aug. 9, 2017 —"): where and when the report was filed, not
 * a part of its first clause (the parser would make the city its subject). The count of
 * tokens to pass over, dash included; 0 when there is none. */
static size_t dateline_tokens(const sentence_view *s)
{
    if (!s->n_tok || !(s->tok[0].flags & QP_TOK_UPPER))
        return 0;
    for (size_t k = 1; k < s->n_tok && k < 14; k++) {
        const qp_token *t = &s->tok[k];
        const char *f = t->fold;
        if (t->flags & QP_TOK_PUNCT) {
            int dash = !strcmp(f, "\xe2\x80\x94") || !strcmp(f, "\xe2\x80\x93") ||
                       (!strcmp(f, "-") && k + 1 < s->n_tok && s->tok[k + 1].start > t->end && t->start > s->tok[k - 1].end);
            if (dash)
                return k + 1 < s->n_tok ? k + 1 : 0;
            if (strcmp(f, ",") && strcmp(f, ".") && strcmp(f, "(") && strcmp(f, ")") && strcmp(f, "-"))
                return 0;
            continue;
        }
        if (!(t->flags & (QP_TOK_CAP | QP_TOK_UPPER | QP_TOK_NUM)))
            return 0; /* a lower-case word: running text, not a dateline */
    }
    return 0;
}

/* An adverbial set before the clause by a comma ("Near Raqqa, 22 strikes engaged…", "À Alep,
 * les rebelles…", "-- Near Mosul, …"), from token `from`: the count of its tokens, comma
 * included, or 0. A leading bullet ("--", "-", "•") is passed over as well. The parser reads a
 * clause better without what is fronted: each is parsed alone, then joined. */
static size_t fronted_tokens(const qp_extractor *x, const sentence_view *s, size_t from)
{
    size_t i = from;
    while (i < s->n_tok && (s->tok[i].flags & QP_TOK_PUNCT) &&
           (!strcmp(s->tok[i].fold, "-") || !strcmp(s->tok[i].fold, "--") || !strcmp(s->tok[i].fold, "\xe2\x80\xa2") ||
            !strcmp(s->tok[i].fold, "\xe2\x80\x93") || !strcmp(s->tok[i].fold, "\xe2\x80\x94")))
        i++;
    if (i >= s->n_tok)
        return 0;
    const qp_word_classes *wc = &x->lx.classes[s->lang];
    if (!(qp_classes_of(wc, s->tok[i].fold, strlen(s->tok[i].fold)) & QP_WC_FRONTING))
        return i > from ? i - from : 0;
    for (size_t k = i + 1; k < s->n_tok && k < i + 12; k++) {
        const char *f = s->tok[k].fold;
        if (!strcmp(f, ","))
            return k + 3 < s->n_tok ? k + 1 - from : 0;
        if (!strcmp(f, ".") || !strcmp(f, ":") || !strcmp(f, ";") || !strcmp(f, "\""))
            return 0;
    }
    return 0;
}

/* Parses text[from, to) into words (in the arena) whose token indices count from the
 * sentence's first token: tok_base is the sentence token `from` starts at. */
static int parse_span(const qp_extractor *x, qp_arena *a, const sentence_view *s, size_t tok_from, size_t tok_to,
                      qp_word **w, size_t *n)
{
    size_t from = s->tok[tok_from].start, to = tok_to < s->n_tok ? s->tok[tok_to].start : s->end;
    int r = qp_parse_sentence(x->parser, (qp_lang)s->lang, s->text, from, to, a, w, n);
    if (r)
        return r;
    for (size_t i = 0; i < *n; i++)
        (*w)[i].token += (uint32_t)tok_from;
    return 0;
}

/* "We call on Russia to stop", "urged Iran to withdraw": the parser sometimes makes the
 * infinitive a clause of its own (parataxis, ccomp, conj) with the controller for its subject, which
 * an infinitive cannot have (but "for X to stop", marked by a conjunction, can). Puts the
 * infinitive back as the verb's xcomp and the controller as its object, as UD has it. */
static void repair_control(qp_word *w, size_t n)
{
    for (size_t v = 0; v < n; v++) {
        int h = w[v].head;
        if (h < 0 || (size_t)h >= n || w[h].upos != QP_UPOS_VERB || w[v].upos != QP_UPOS_VERB ||
            !w[v].feats || !strstr(w[v].feats, "VerbForm=Inf") ||
            (w[v].deprel != QP_DEP_PARATAXIS && w[v].deprel != QP_DEP_CCOMP && w[v].deprel != QP_DEP_CONJ))
            continue;
        int subj = -1, to = 0, sconj = 0, obj = 0;
        for (size_t k = 0; k < n; k++) {
            if (w[k].head == (int)v && w[k].deprel == QP_DEP_NSUBJ)
                subj = (int)k;
            if (w[k].head == (int)v && w[k].deprel == QP_DEP_MARK)
                to |= w[k].upos == QP_UPOS_PART, sconj |= w[k].upos == QP_UPOS_SCONJ;
            if (w[k].head == h && w[k].deprel == QP_DEP_OBJ)
                obj = 1;
        }
        if (subj < 0 || !to || sconj || subj > (int)v)
            continue;
        w[v].deprel = QP_DEP_XCOMP;
        if (!obj) {
            w[subj].head = h;
            w[subj].deprel = QP_DEP_OBJ;
        }
    }
}

/* "Coalition airstrikes supported Iraqi forces": a verb heading its clause without any
 * auxiliary is no passive, whatever labels the parser gave its arguments; its passive subject is
 * its subject and an "agent" without "by"/"par" its object. */
static void repair_false_passive(qp_word *w, size_t n)
{
    for (size_t v = 0; v < n; v++) {
        /* a finite verb, or a participle heading a clause of its own (a participle qualifying a
         * noun may well be a passive without auxiliary: "les rebelles soutenus par") */
        qp_deprel r = qp_deprel_universal((qp_deprel)w[v].deprel);
        if (w[v].upos != QP_UPOS_VERB || !w[v].feats ||
            !(strstr(w[v].feats, "VerbForm=Fin") ||
              (strstr(w[v].feats, "VerbForm=Part") && r != QP_DEP_ACL && r != QP_DEP_AMOD && r != QP_DEP_ADVCL)))
            continue;
        int subj = -1, aux = 0;
        for (size_t k = 0; k < n; k++) {
            if (w[k].head != (int)v)
                continue;
            if (w[k].deprel == QP_DEP_NSUBJ_PASS)
                subj = (int)k;
            aux |= qp_deprel_universal((qp_deprel)w[k].deprel) == QP_DEP_AUX || w[k].deprel == QP_DEP_EXPL_PASS ||
                   w[k].deprel == QP_DEP_EXPL_PV || (w[k].feats && strstr(w[k].feats, "Reflex=Yes"));
        }
        if (subj < 0 || aux)
            continue;
        w[subj].deprel = QP_DEP_NSUBJ;
        for (size_t k = 0; k < n; k++) {
            if (w[k].head != (int)v || w[k].deprel != QP_DEP_OBL_AGENT)
                continue;
            int has_case = 0;
            for (size_t q = 0; q < n && !has_case; q++)
                has_case = w[q].head == (int)k && w[q].deprel == QP_DEP_CASE;
            if (!has_case)
                w[k].deprel = QP_DEP_OBJ;
        }
    }
}

/* "a tiré des roquettes", "ont bombardé des quartiers": French "des" is the plural indefinite
 * article as often as "de les", and the parser sometimes splits it and makes the verb's object
 * an oblique. A "des" split so under a verb without an object (and without a reflexive clitic:
 * "se retirer des quartiers" is from them) is put back as the article of the verb's object. */
static void repair_partitive(qp_word *w, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        int noun = w[i].head, h = noun >= 0 && (size_t)noun < n ? w[noun].head : -1;
        if (w[i].mwt != 2 || strcmp(w[i].form, "de") || strcmp(w[i + 1].form, "les") || w[i].deprel != QP_DEP_CASE ||
            h < 0 || (size_t)h >= n || w[h].upos != QP_UPOS_VERB ||
            qp_deprel_universal((qp_deprel)w[noun].deprel) != QP_DEP_OBL || w[noun].deprel == QP_DEP_OBL_AGENT)
            continue;
        int blocked = 0;
        for (size_t k = 0; k < n && !blocked; k++)
            blocked = (w[k].head == h && (w[k].deprel == QP_DEP_OBJ || w[k].deprel == QP_DEP_EXPL_PV ||
                                          (w[k].feats && strstr(w[k].feats, "Reflex=Yes")))) ||
                      (w[k].head == noun && k != i && w[k].deprel == QP_DEP_CASE); /* "selon des militants" */
        if (blocked)
            continue;
        w[i].upos = QP_UPOS_DET;
        w[i].deprel = QP_DEP_DET;
        w[noun].deprel = QP_DEP_OBJ;
    }
}

/* A punctuation mark heads nothing in UD, but the parser now and then hangs a word from a comma
 * (about 1 word in 600 of French news): such a word is hung from the comma's own head, where
 * the clause it belongs to is. */
static void repair_punct_heads(qp_word *w, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int h = w[i].head;
        for (int steps = 0; h >= 0 && (size_t)h < n && w[h].upos == QP_UPOS_PUNCT && steps < 8; steps++)
            h = w[h].head;
        if (h != w[i].head && h >= 0 && h != (int)i)
            w[i].head = h;
    }
}

/* "launched an offensive", "l'offensive": a word that is both adjective and noun, tagged an
 * adjective though it has its own article and stands where a noun stands (subject, object,
 * oblique, nominal modifier), is the noun: its frames are the noun's. */
static void repair_nominal_adjective(qp_word *w, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        qp_deprel r = qp_deprel_universal((qp_deprel)w[i].deprel);
        if (w[i].upos != QP_UPOS_ADJ ||
            (r != QP_DEP_NSUBJ && r != QP_DEP_OBJ && r != QP_DEP_OBL && r != QP_DEP_NMOD && w[i].deprel != QP_DEP_NSUBJ_PASS))
            continue;
        int det = 0;
        for (size_t k = 0; k < n && !det; k++)
            det = w[k].head == (int)i && w[k].deprel == QP_DEP_DET && w[k].feats && strstr(w[k].feats, "PronType=Art");
        if (det)
            w[i].upos = QP_UPOS_NOUN;
    }
}

/* "The European Union calls on Russia to stop…", "France condemns…": an English present in
 * -s after a subject, in a clause with no other finite verb, is tagged a plural noun heading the
 * sentence, its subject a compound of it. When that subject is an actor the lexicon names, the
 * noun is put back as the verb it is: the subject its nsubj, its "on"/"for" phrases obliques,
 * its "to" infinitive the verb's xcomp. 0 or QP_ENOMEM. */
static int repair_headline_verb(qp_arena *a, const sentence_view *s, qp_word *w, size_t n)
{
    int r = -1;
    for (size_t i = 0; i < n; i++) {
        if (w[i].head < 0 && r < 0)
            r = (int)i;
        if (w[i].upos == QP_UPOS_AUX || (w[i].feats && strstr(w[i].feats, "VerbForm=Fin")))
            return 0; /* a finite verb: the clause has its verb */
    }
    if (r < 1 || w[r].upos != QP_UPOS_NOUN || !w[r].form || !w[r].feats || !strstr(w[r].feats, "Number=Plur"))
        return 0;
    size_t len = strlen(w[r].form);
    if (len < 4 || w[r].form[len - 1] != 's' || w[r].form[len - 2] == 's' || w[r].form[len - 2] == '\'')
        return 0;
    int subj = r - 1; /* the subject's head, just before: "Union calls", "France condemns" */
    if (w[subj].head != r || qp_deprel_universal((qp_deprel)w[subj].deprel) != QP_DEP_COMPOUND)
        return 0;
    int actor = 0;
    for (size_t mi = 0; mi < s->n_m; mi++) {
        if (s->m[mi].kind != MENTION_ACTOR || !s->m[mi].actor.id)
            continue;
        if (w[r].token >= s->m[mi].t0 && w[r].token < s->m[mi].t1)
            return 0; /* the noun ends an actor's name: "U.S. military forces used…" */
        actor |= w[subj].token >= s->m[mi].t0 && w[subj].token < s->m[mi].t1;
    }
    if (!actor)
        return 0;
    /* "pushes", "reaches", "fixes": -es after a sibilant; else the -s */
    size_t cut = len >= 5 && w[r].form[len - 2] == 'e' &&
                         (w[r].form[len - 3] == 'x' || w[r].form[len - 3] == 'z' ||
                          (w[r].form[len - 3] == 'h' && (w[r].form[len - 4] == 's' || w[r].form[len - 4] == 'c')))
                     ? 2
                     : 1;
    char *lemma = qp_arena_strndup(a, w[r].form, len - cut);
    if (!lemma)
        return QP_ENOMEM;
    for (char *c = lemma; *c; c++)
        *c = (char)(*c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c);
    w[r].upos = QP_UPOS_VERB;
    w[r].lemma = lemma;
    w[r].feats = "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin";
    w[subj].deprel = QP_DEP_NSUBJ;
    for (size_t i = 0; i < n; i++) {
        if (w[i].head != r)
            continue;
        qp_deprel u = qp_deprel_universal((qp_deprel)w[i].deprel);
        if (u == QP_DEP_NMOD)
            w[i].deprel = QP_DEP_OBL;
        else if (u == QP_DEP_ACL && w[i].upos == QP_UPOS_VERB)
            w[i].deprel = QP_DEP_XCOMP;
    }
    return 0;
}

int xp_parse_sentence(const qp_extractor *x, qp_arena *a, sentence_view *s)
{
    s->parse = NULL;
    if (!x->parser || !s->n_tok)
        return 0;
    /* only sentences that hold a trigger are parsed: the others tell no event (a third of news
     * text), and the parse is most of extraction's time */
    int trigger = 0;
    for (size_t k = 0; k < s->n_m && !trigger; k++)
        trigger = s->m[k].kind == MENTION_ACTION;
    if (!trigger)
        return 0;
    qp_word *w;
    size_t n, skip = dateline_tokens(s);
    size_t front = fronted_tokens(x, s, skip);
    int r;
    if (front) {
        /* the fronted adverbial and the clause, parsed apart, the adverbial hung from the
         * clause's root as the oblique it is */
        qp_word *w1, *w2;
        size_t n1, n2;
        if ((r = parse_span(x, a, s, skip, skip + front, &w1, &n1)) ||
            (r = parse_span(x, a, s, skip + front, s->n_tok, &w2, &n2)))
            return r == QP_ELANG ? 0 : r;
        n = n1 + n2;
        w = qp_arena_alloc(a, (n + 1) * sizeof *w);
        if (!w)
            return QP_ENOMEM;
        memcpy(w, w1, n1 * sizeof *w);
        memcpy(w + n1, w2, n2 * sizeof *w);
        int root2 = -1;
        for (size_t i = n1; i < n; i++) {
            if (w[i].head >= 0)
                w[i].head += (int32_t)n1;
            else if (root2 < 0)
                root2 = (int)i;
        }
        for (size_t i = 0; i < n1 && root2 >= 0; i++)
            if (w[i].head < 0) {
                w[i].head = root2;
                w[i].deprel = (uint8_t)(w[i].upos == QP_UPOS_NOUN || w[i].upos == QP_UPOS_PROPN ? QP_DEP_OBL
                                                                                                 : QP_DEP_ADVMOD);
            } else if (w[i].head < 0) {
                w[i].head = root2;
                w[i].deprel = QP_DEP_PUNCT;
            }
        if (!n)
            return 0;
    } else {
        if ((r = parse_span(x, a, s, skip, s->n_tok, &w, &n)) == QP_ELANG || (!r && !n))
            return 0;
        if (r)
            return r;
    }
    repair_punct_heads(w, n);
    if (s->lang == QP_LANG_EN && (r = repair_headline_verb(a, s, w, n)))
        return r;
    repair_control(w, n);
    repair_false_passive(w, n);
    repair_nominal_adjective(w, n);
    if (s->lang == QP_LANG_FR)
        repair_partitive(w, n);
    xp_view *p = qp_arena_calloc(a, 1, sizeof *p);
    if (!p)
        return QP_ENOMEM;
    p->w = w;
    p->n = n;
    p->kid_start = qp_arena_calloc(a, n + 1, sizeof *p->kid_start);
    p->kid = qp_arena_alloc(a, (n + 1) * sizeof *p->kid);
    p->mention = qp_arena_alloc(a, n * sizeof *p->mention);
    p->trigger = qp_arena_alloc(a, n * sizeof *p->trigger);
    p->word_of_tok = qp_arena_alloc(a, (s->n_tok + 1) * sizeof *p->word_of_tok);
    p->fold = qp_arena_calloc(a, n, sizeof *p->fold);
    p->cls = qp_arena_calloc(a, n, sizeof *p->cls);
    if (!p->kid_start || !p->kid || !p->mention || !p->trigger || !p->word_of_tok || !p->fold || !p->cls)
        return QP_ENOMEM;
    /* children, in sentence order: counts, then offsets, then fill */
    for (size_t i = 0; i < n; i++)
        if (w[i].head >= 0 && (size_t)w[i].head < n)
            p->kid_start[w[i].head + 1]++;
    for (size_t i = 0; i < n; i++)
        p->kid_start[i + 1] += p->kid_start[i];
    int32_t *fill = qp_arena_alloc(a, (n + 1) * sizeof *fill);
    if (!fill)
        return QP_ENOMEM;
    memcpy(fill, p->kid_start, (n + 1) * sizeof *fill);
    for (size_t i = 0; i < n; i++)
        if (w[i].head >= 0 && (size_t)w[i].head < n)
            p->kid[fill[w[i].head]++] = (int32_t)i;
    for (size_t t = 0; t <= s->n_tok; t++)
        p->word_of_tok[t] = -1;
    for (size_t i = n; i-- > 0;)
        if (w[i].token < s->n_tok)
            p->word_of_tok[w[i].token] = (int32_t)i;
    /* lemmas folded, and their classes */
    const qp_word_classes *wc = &x->lx.classes[s->lang];
    for (size_t i = 0; i < n; i++) {
        p->mention[i] = p->trigger[i] = -1;
        const char *lemma = w[i].lemma && strcmp(w[i].lemma, "_") ? w[i].lemma : w[i].form;
        char f[128];
        int k = qp_fold_token(lemma, strlen(lemma), f, sizeof f);
        if (k <= 0) {
            p->fold[i] = "";
            continue;
        }
        if (!(p->fold[i] = qp_arena_strndup(a, f, (size_t)k)))
            return QP_ENOMEM;
        p->cls[i] = qp_classes_of(wc, f, (size_t)k);
        /* "-t-il", "-elle": an inverted clitic is its pronoun */
        const char *sp = strrchr(p->fold[i], ' ');
        if (!p->cls[i] && sp)
            p->cls[i] = qp_classes_of(wc, sp + 1, strlen(sp + 1)) & (QP_WC_PRONOUN_SG | QP_WC_PRONOUN_PL | QP_WC_SPEAKER);
        /* function words are classed by their form too ("n't" is lemmatised "not") */
        if (!p->cls[i] && w[i].form) {
            k = qp_fold_token(w[i].form, strlen(w[i].form), f, sizeof f);
            if (k > 0)
                p->cls[i] = qp_classes_of(wc, f, (size_t)k);
        }
    }
    /* a reflexive verb is classed as the list writes it ("se battre", "s'affronter"): the
     * clitic's own form before the lemma, elided or not */
    for (size_t i = 0; i < n; i++) {
        int h = w[i].head;
        if (h < 0 || (size_t)h >= n || w[i].upos != QP_UPOS_PRON || !w[i].form || !w[i].feats ||
            !strstr(w[i].feats, "Reflex=Yes") || !p->fold[h][0] || p->w[h].upos != QP_UPOS_VERB)
            continue;
        char key[160], cl[16];
        int k = qp_fold_token(w[i].form, strlen(w[i].form), cl, sizeof cl);
        while (k > 0 && (cl[k - 1] == ' ' || cl[k - 1] == '\''))
            k--; /* folding makes "s'" "s " */
        if (k <= 0)
            continue;
        /* "se sont affrontés": the list writes "s'affronter", which folds to "s affronter" */
        if (k > 1 && cl[k - 1] == 'e' && strchr("aeiouyh", p->fold[h][0]))
            k--;
        snprintf(key, sizeof key, "%.*s %s", k, cl, p->fold[h]);
        p->cls[h] |= qp_classes_of(wc, key, strlen(key));
    }
    /* each mention hangs from the head of its words */
    for (size_t mi = 0; mi < s->n_m; mi++) {
        mention *m = &s->m[mi];
        m->head = -1;
        if (m->kind < 0 || m->t0 >= s->n_tok)
            continue;
        size_t w0 = n, w1 = 0;
        for (size_t i = 0; i < n; i++)
            /* not the hyphen the words of "Iranian-backed" were split at, which comes with
             * "backed": a mention never ends or begins with punctuation */
            if (w[i].token >= m->t0 && w[i].token < m->t1 && w[i].upos != QP_UPOS_PUNCT) {
                if (i < w0)
                    w0 = i;
                w1 = i + 1;
            }
        if (w0 >= w1)
            continue;
        int h = span_head(p, w0, w1);
        if (h < 0)
            continue;
        m->head = h;
        if (m->kind == MENTION_ACTION) {
            if (p->trigger[h] < 0 || s->m[p->trigger[h]].t1 - s->m[p->trigger[h]].t0 < m->t1 - m->t0)
                p->trigger[h] = (int32_t)mi; /* the longer phrase: "take control of" over "take" */
        } else if (rank(m) && (p->mention[h] < 0 || rank(m) > rank(&s->m[p->mention[h]]) ||
                               (rank(m) == rank(&s->m[p->mention[h]]) &&
                                m->t1 - m->t0 > s->m[p->mention[h]].t1 - s->m[p->mention[h]].t0))) {
            p->mention[h] = (int32_t)mi;
        }
    }
    /* subtree bounds, children before parents: an explicit post-order walk from each root */
    p->lo = qp_arena_alloc(a, n * sizeof *p->lo);
    p->hi = qp_arena_alloc(a, n * sizeof *p->hi);
    int32_t *stack = qp_arena_alloc(a, (n + 1) * sizeof *stack), *next = qp_arena_calloc(a, n, sizeof *next);
    if (!p->lo || !p->hi || !stack || !next)
        return QP_ENOMEM;
    for (size_t i = 0; i < n; i++)
        p->lo[i] = p->hi[i] = (int32_t)i;
    for (size_t root = 0; root < n; root++) {
        if (w[root].head >= 0 && (size_t)w[root].head < n)
            continue;
        size_t top = 0;
        stack[top++] = (int32_t)root;
        while (top) {
            int32_t v = stack[top - 1];
            if ((size_t)next[v] < xp_kids(p, (size_t)v)) {
                if (top <= n) /* a tree has no more than n words on one path */
                    stack[top++] = xp_kid(p, (size_t)v, (size_t)next[v]);
                next[v]++;
                continue;
            }
            top--;
            if (top) {
                int32_t parent = stack[top - 1];
                if (p->lo[v] < p->lo[parent])
                    p->lo[parent] = p->lo[v];
                if (p->hi[v] > p->hi[parent])
                    p->hi[parent] = p->hi[v];
            }
        }
    }
    s->parse = p;
    return 0;
}

int xp_child(const xp_view *p, size_t i, qp_deprel rel)
{
    for (size_t k = 0; k < xp_kids(p, i); k++) {
        int c = xp_kid(p, i, k);
        if (p->w[c].deprel == rel)
            return c;
    }
    return -1;
}

int xp_child_u(const xp_view *p, size_t i, qp_deprel rel)
{
    for (size_t k = 0; k < xp_kids(p, i); k++) {
        int c = xp_kid(p, i, k);
        if (xp_rel(p, (size_t)c) == rel)
            return c;
    }
    return -1;
}

const char *xp_case_of(const xp_view *p, size_t i, char *out, size_t cap)
{
    size_t len = 0;
    out[0] = '\0';
    for (size_t k = 0; k < xp_kids(p, i); k++) {
        int c = xp_kid(p, i, k);
        if (xp_rel(p, (size_t)c) != QP_DEP_CASE)
            continue;
        /* the case word and what is fixed to it: "à cause de", "according to" */
        for (int part = c; part >= 0;) {
            const char *f = p->fold[part];
            size_t fl = strlen(f);
            if (fl && len + fl + 2 < cap) {
                if (len)
                    out[len++] = ' ';
                memcpy(out + len, f, fl);
                len += fl;
                out[len] = '\0';
            }
            int next = -1;
            for (size_t j = 0; j < xp_kids(p, (size_t)part); j++)
                if (xp_rel(p, (size_t)xp_kid(p, (size_t)part, j)) == QP_DEP_FIXED) {
                    next = xp_kid(p, (size_t)part, j);
                    break;
                }
            part = next;
        }
    }
    return out;
}

/* "« … », a dénoncé le président libanais": a verb of saying after the words it reports, its
 * subject after it — the parser takes that subject for an object. The word of the speaker, or
 * -1 when v is not so. */
int xp_inverted_speaker(const xp_view *p, size_t v)
{
    if (!(p->cls[v] & QP_WC_SPEECH) || v < 2)
        return -1;
    size_t b = v;
    while (b > 0 && (xp_rel(p, b - 1) == QP_DEP_AUX || p->w[b - 1].upos == QP_UPOS_AUX))
        b--; /* the auxiliary: "…, a dénoncé" */
    if (b == 0 || p->w[b - 1].upos != QP_UPOS_PUNCT || strcmp(p->w[b - 1].form, ","))
        return -1;
    for (size_t k = 0; k < xp_kids(p, v); k++) {
        int ch = xp_kid(p, v, k);
        if ((size_t)ch > v && (xp_rel(p, (size_t)ch) == QP_DEP_OBJ || xp_rel(p, (size_t)ch) == QP_DEP_NSUBJ) &&
            (p->w[ch].upos == QP_UPOS_NOUN || p->w[ch].upos == QP_UPOS_PROPN || p->w[ch].upos == QP_UPOS_PRON))
            return ch;
    }
    return -1;
}

int xp_feat(const xp_view *p, size_t i, const char *feat)
{
    const char *f = p->w[i].feats;
    size_t n = strlen(feat);
    for (const char *at = f ? strstr(f, feat) : NULL; at; at = strstr(at + 1, feat))
        if ((at == f || at[-1] == '|') && (at[n] == '\0' || at[n] == '|'))
            return 1;
    return 0;
}

