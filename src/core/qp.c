/* qp.c — error strings and language codes. */
#include "qp.h"

#include <string.h>

const char *qp_strerror(int err)
{
    switch (err) {
    case QP_OK: return "success";
    case QP_ENOMEM: return "out of memory";
    case QP_EINVAL: return "invalid argument";
    case QP_EIO: return "input/output error";
    case QP_EUTF8: return "invalid UTF-8";
    case QP_EEMPTY: return "empty input";
    case QP_ETOOBIG: return "input larger than the size limit";
    case QP_EJSON: return "malformed JSON";
    case QP_EDB: return "database error";
    case QP_EDBVERSION: return "database written by a newer quipu";
    case QP_ENOTFOUND: return "not found";
    case QP_EAMBIGUOUS: return "ambiguous name";
    case QP_ELANG: return "language not supported";
    case QP_EBUSY: return "database is locked";
    case QP_ELEXICON: return "malformed lexicon";
    case QP_EGRAPH: return "graph error";
    case QP_EGAZETTEER: return "gazetteer file corrupt or stale (rebuild it: quipu gazetteer import)";
    case QP_EFULL: return "no space left on device";
    case QP_EREADONLY: return "read-only database or medium";
    case QP_ECORRUPT: return "database damaged";
    default: return "unknown error";
    }
}

int qp_lang_parse(const char *code)
{
    if (code && !strcmp(code, "fr"))
        return QP_LANG_FR;
    if (code && !strcmp(code, "en"))
        return QP_LANG_EN;
    return QP_ELANG;
}

const char *qp_lang_code(qp_lang lang)
{
    return lang == QP_LANG_FR ? "fr" : lang == QP_LANG_EN ? "en" : "und";
}
