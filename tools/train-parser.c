/* train-parser.c — trains a model of quipu's parser from CoNLL-U treebanks.
 *
 *   train-parser --lang fr|en --out FILE [--lexicon FILE] [--seed N] [--tagger-epochs N]
 *                [--parser-epochs N] [--folds N] [--explore P] [--quiet] TREEBANK.conllu...
 *
 * The same treebanks, options and seed give the same file, byte for byte. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "qp.h"
#include "train.h"

static void usage(FILE *out)
{
    fputs("Usage: train-parser --lang fr|en --out FILE [options] TREEBANK.conllu...\n"
          "\n"
          "Trains quipu's tagger, lemma tables, parser and labeller on the treebanks and writes\n"
          "one model file (quipu finds it as parse/LANG.qpm in its data directories).\n"
          "\n"
          "Options:\n"
          "  --lexicon FILE       word classes from tools/lexparse (hunspell-fr, WordNet)\n"
          "  --seed N             the order of training examples (default 42)\n"
          "  --tagger-epochs N    passes of the tagger (default 8)\n"
          "  --parser-epochs N    passes of the parser (default 15)\n"
          "  --folds N            jackknife folds for the parser's training tags (default 4;\n"
          "                       1 trains on gold tags)\n"
          "  --explore P          how often a wrong predicted transition is followed after the\n"
          "                       first pass (default 0.9)\n"
          "  --prune N            drop features whose weights are all within N of 0, on a scale\n"
          "                       where the largest weight of a table is 32000 (default 0)\n"
          "  --holdout K          keep every K-th sentence out of training and score the model on\n"
          "                       them (UPOS, UAS, LAS): for choosing options without a dev set\n"
          "  --quiet              no progress on stderr\n",
          out);
}

int main(int argc, char **argv)
{
    qp_train_options o;
    qp_train_defaults(&o);
    o.log = stderr;
    const char *out = NULL;
    int lang = -1;
    static const struct option opts[] = {
        {"lang", required_argument, 0, 'l'}, {"out", required_argument, 0, 'o'},
        {"lexicon", required_argument, 0, 'x'}, {"seed", required_argument, 0, 's'},
        {"tagger-epochs", required_argument, 0, 't'}, {"parser-epochs", required_argument, 0, 'p'},
        {"folds", required_argument, 0, 'f'}, {"explore", required_argument, 0, 'e'},
        {"prune", required_argument, 0, 'r'}, {"holdout", required_argument, 0, 'k'}, {"quiet", no_argument, 0, 'q'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    int c;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'l': lang = qp_lang_parse(optarg); break;
        case 'o': out = optarg; break;
        case 'x': o.lexicon = optarg; break;
        case 's': o.seed = strtoull(optarg, NULL, 10); break;
        case 't': o.tagger_epochs = atoi(optarg); break;
        case 'p': o.parser_epochs = atoi(optarg); break;
        case 'f': o.folds = atoi(optarg); break;
        case 'e': o.explore = atof(optarg); break;
        case 'r': o.prune = atoi(optarg); break;
        case 'k': o.holdout = atoi(optarg); break;
        case 'q': o.log = NULL; break;
        case 'h': usage(stdout); return 0;
        default: usage(stderr); return 2;
        }
    }
    if (lang < 0 || !out || optind >= argc || o.tagger_epochs < 1 || o.parser_epochs < 1 || o.folds < 1) {
        usage(stderr);
        return 2;
    }
    o.lang = (qp_lang)lang;
    o.files = (const char *const *)argv + optind;
    o.nfiles = (size_t)(argc - optind);
    char err[512];
    clock_t t0 = clock();
    int rc = qp_train_model(&o, out, err, sizeof err);
    if (rc) {
        fprintf(stderr, "train-parser: %s\n", err[0] ? err : qp_strerror(rc));
        return 1;
    }
    if (o.log)
        fprintf(stderr, "train-parser: wrote %s (%.1f s of CPU)\n", out, (double)(clock() - t0) / CLOCKS_PER_SEC);
    return 0;
}
