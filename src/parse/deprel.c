/* deprel.c — names of the universal parts of speech and of the dependency relations. */
#include <string.h>

#include "parse.h"

static const char *const upos_names[QP_UPOS_COUNT] = {
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
    "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};

/* In the order of qp_deprel. */
static const char *const deprel_names[QP_DEP_COUNT] = {
    "acl", "advcl", "advmod", "amod", "appos", "aux", "case", "cc", "ccomp", "clf", "compound",
    "conj", "cop", "csubj", "dep", "det", "discourse", "dislocated", "expl", "fixed", "flat",
    "goeswith", "iobj", "list", "mark", "nmod", "nsubj", "nummod", "obj", "obl", "orphan",
    "parataxis", "punct", "reparandum", "root", "vocative", "xcomp",
    "acl:relcl", "advcl:cleft", "advcl:relcl", "aux:caus", "aux:pass", "aux:tense", "cc:preconj",
    "compound:prt", "csubj:outer", "csubj:pass", "dep:comp", "det:poss", "det:predet", "expl:comp",
    "expl:pass", "expl:pv", "expl:subj", "flat:foreign", "flat:name", "iobj:agent", "nmod:desc",
    "nmod:npmod", "nmod:poss", "nmod:tmod", "nmod:unmarked", "nsubj:caus", "nsubj:outer",
    "nsubj:pass", "obj:agent", "obj:lvc", "obl:agent", "obl:arg", "obl:mod", "obl:npmod",
    "obl:tmod", "obl:unmarked", "parataxis:insert"};

const char *qp_upos_name(int upos)
{
    return upos >= 0 && upos < QP_UPOS_COUNT ? upos_names[upos] : "X";
}

int qp_upos_parse(const char *name, size_t len)
{
    for (int i = 0; i < QP_UPOS_COUNT; i++)
        if (strlen(upos_names[i]) == len && !memcmp(upos_names[i], name, len))
            return i;
    return -1;
}

const char *qp_deprel_name(int deprel)
{
    return deprel >= 0 && deprel < QP_DEP_COUNT ? deprel_names[deprel] : "dep";
}

int qp_deprel_parse(const char *name, size_t len)
{
    for (int i = 0; i < QP_DEP_COUNT; i++)
        if (strlen(deprel_names[i]) == len && !memcmp(deprel_names[i], name, len))
            return i;
    return -1;
}

int qp_deprel_parse_lenient(const char *name, size_t len)
{
    int r = qp_deprel_parse(name, len);
    if (r >= 0)
        return r;
    const char *colon = memchr(name, ':', len);
    if (colon) {
        r = qp_deprel_parse(name, (size_t)(colon - name));
        if (r >= 0)
            return r;
    }
    return QP_DEP_DEP;
}

qp_deprel qp_deprel_universal(qp_deprel rel)
{
    if ((int)rel < QP_DEP_UNIVERSAL_COUNT || (int)rel >= QP_DEP_COUNT)
        return (int)rel < QP_DEP_COUNT ? rel : QP_DEP_DEP;
    const char *name = deprel_names[rel];
    const char *colon = strchr(name, ':');
    int r = qp_deprel_parse(name, (size_t)(colon - name));
    return r >= 0 ? (qp_deprel)r : QP_DEP_DEP;
}
