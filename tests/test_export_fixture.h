/* test_export_fixture.h — a small hand-built store for the export and timeline tests: four
 * articles, five actors, six events (one merged pair, one undated, one negated). */
#ifndef QP_TEST_EXPORT_FIXTURE_H
#define QP_TEST_EXPORT_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store.h"
#include "test_sql.h"

/* Evidence spans are found in the document text, so the fixture states sentences, not offsets. */
static const char *const fixture_sql =
    "INSERT INTO documents(id,name,hash,url,title,source,lang,published,ingested_at,text) VALUES"
    " (1,'afp-1','h1','https://example.org/afp/1?a=1&b=2','Russia steps up support for Damascus','AFP','en','2017-11-02','2017-11-03',"
    "  'Russian jets backed the Syrian army near Deir ez-Zor.'),"
    " (2,'reuters-7','h2','https://example.org/reuters/7','Moscow backs Assad, again','Reuters','en','2017-11-02','2017-11-03',"
    "  'Russia backed the Syrian government in Deir ez-Zor on Thursday.'),"
    " (3,'lemonde-3','h3','https://example.org/lm/3','L''armée syrienne attaque l''EI','Le Monde','fr','2017-11-05','2017-11-06',"
    "  'L''armée syrienne a attaqué l''EI. Les États-Unis soutiennent les FDS, <dit> \"un\" officiel & co.'),"
    " (4,'blog-9','h4',NULL,'Notes from the front',NULL,'en',NULL,'2017-11-07',"
    "  'The SDF attacked Islamic State fighters. Russia did not strike Raqqa.');"
    "INSERT INTO actors(id,label,label_fr,kind,country,parent) VALUES"
    " ('RUS','Russia','Russie','state','RUS',NULL),"
    " ('SYR','Syria','Syrie','state','SYR',NULL),"
    " ('SYR-GOV','Syrian government','gouvernement syrien','government','SYR','SYR'),"
    " ('ISIS','Islamic State','État islamique','armed group',NULL,NULL),"
    " ('USA','United States','États-Unis','state','USA',NULL),"
    " ('SDF','Syrian Democratic Forces','Forces démocratiques syriennes','armed group','SYR',NULL);"
    "INSERT INTO places(id,label,country,lat,lon,feature) VALUES"
    " ('geonames:170794','Deir ez-Zor','SY',35.33,40.14,'P.PPLA'),"
    " ('geonames:163843','Syria','SY',35.0,38.0,'A.PCLI');"
    "INSERT INTO events(uid,document_id,sentence,actor1,actor1_text,action,mode,context,cameo,action_text,actor2,actor2_text,"
    " place_id,place_text,time_value,time_start,time_end,time_grain,time_text,time_anchor,evidence_start,evidence_end,confidence,flags) VALUES"
    " ('afp-1#0.0',1,0,'RUS','Russian jets','AID',NULL,'military','07','backed','SYR-GOV','the Syrian army',"
    "  'geonames:170794','Deir ez-Zor','2017-11-02','2017-11-02','2017-11-03','day',NULL,'document',0,53,0.8,0),"
    " ('reuters-7#0.0',2,0,'RUS','Russia','AID',NULL,'military','07','backed','SYR-GOV','the Syrian government',"
    "  'geonames:170794','Deir ez-Zor','2017-11-02','2017-11-02','2017-11-03','day','Thursday','text',0,63,0.9,0),"
    " ('lemonde-3#0.0',3,0,'SYR-GOV','L''armée syrienne','ASSAULT',NULL,NULL,'19','a attaqué','ISIS','l''EI',"
    "  NULL,NULL,'2017-11-05','2017-11-05','2017-11-06','day',NULL,'document',0,34,0.7,0),"
    " ('lemonde-3#1.0',3,1,'USA','Les États-Unis','AID',NULL,'military','07','soutiennent','SDF','les FDS',"
    "  'geonames:163843','Syrie','2017-11','2017-11-01','2017-12-01','month','novembre','text',35,97,0.6,0),"
    " ('blog-9#0.0',4,0,'SDF','The SDF','ASSAULT',NULL,NULL,'19','attacked','ISIS','Islamic State fighters',"
    "  NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,40,0.6,0),"
    " ('blog-9#1.0',4,1,'RUS','Russia','ASSAULT','aerial',NULL,'19','strike',NULL,NULL,"
    "  NULL,'Raqqa','2017-11-06','2017-11-06','2017-11-07','day',NULL,'document',41,69,0.5,1);";

/* Creates a fresh store in a temporary directory; *dir receives the directory (free it). */
static int fixture_open(qp_store **s, char **dir)
{
    char tmpl[] = "/tmp/qp-export-test-XXXXXX";
    if (!mkdtemp(tmpl))
        return -1;
    *dir = strdup(tmpl);
    char path[256];
    snprintf(path, sizeof path, "%s/test.db", tmpl);
    if (qp_store_open(s, path))
        return -1;
    return test_sql_exec(path, fixture_sql);
}

static void fixture_close(qp_store *s, char *dir)
{
    qp_store_close(s);
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    free(dir);
}

/* Reads a whole file (NUL-terminated; free it), NULL when absent. */
static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    if (s && fread(s, 1, (size_t)n, f) != (size_t)n) {
        free(s);
        s = NULL;
    }
    if (s)
        s[n] = 0;
    fclose(f);
    return s;
}

#endif
