/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-report.c: the report as sections of blocks (text, numbers, tables,
 * charts) taken from the workbench on the main thread, then written as HTML
 * (the plots rendered off-screen to PNG and embedded as base64 data URIs) or
 * as a PDF laid out page by page with Pango and the same chart renderer.
 * The numbers are the stored results' (the ones `learnbench run` prints for
 * the saved project); HTML keeps them exact in data-value attributes.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "lb-finetune-charts.h"
#include "lb-profile.h"
#include "lb-report.h"

#define CHART_WIDTH   900
#define CHART_HEIGHT  560
#define DESCRIBE_MAX_COLUMNS 24
#define TOP_CANDIDATES 10

typedef struct
{
  LbReportBlockKind kind;
  char             *text;      /* paragraph; number label; chart title; table as TSV */
  char             *id;        /* NUMBER */
  double            value;     /* NUMBER: as stored */
  char             *shown;     /* NUMBER: as people read it */
  guint             n_rows, n_cols;
  char            **cells;     /* TABLE: row-major, row 0 the header */
  LbChart          *chart;
} Block;

typedef struct
{
  char      *title;
  GPtrArray *blocks;           /* (element-type Block) */
} Section;

struct _LbReport
{
  char      *name;
  GPtrArray *sections;         /* (element-type Section) */
  LbTable   *train;            /* for describe(), or NULL */
  Section   *data_section;     /* where describe() goes */
  gboolean   computed;
};

static void
block_free (gpointer data)
{
  Block *b = data;

  g_free (b->text);
  g_free (b->id);
  g_free (b->shown);
  g_strfreev (b->cells);
  g_clear_pointer (&b->chart, lb_chart_unref);
  g_free (b);
}

static void
section_free (gpointer data)
{
  Section *s = data;

  g_free (s->title);
  g_ptr_array_unref (s->blocks);
  g_free (s);
}

void
lb_report_free (LbReport *report)
{
  if (report == NULL)
    return;
  g_free (report->name);
  g_ptr_array_unref (report->sections);
  g_clear_pointer (&report->train, lb_table_unref);
  g_free (report);
}

/* --- building --- */

static Section *
add_section (LbReport   *report,
             const char *title)
{
  Section *s = g_new0 (Section, 1);

  s->title = g_strdup (title);
  s->blocks = g_ptr_array_new_with_free_func (block_free);
  g_ptr_array_add (report->sections, s);
  return s;
}

static void
add_text (Section    *s,
          const char *format,
          ...) G_GNUC_PRINTF (2, 3);

static void
add_text (Section    *s,
          const char *format,
          ...)
{
  Block *b = g_new0 (Block, 1);
  va_list args;

  va_start (args, format);
  b->kind = LB_REPORT_TEXT;
  b->text = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (s->blocks, b);
}

static void
add_number (Section    *s,
            const char *id,
            const char *label,
            double      value,
            double      shown)
{
  Block *b = g_new0 (Block, 1);

  b->kind = LB_REPORT_NUMBER;
  b->id = g_strdup (id);
  b->value = value;
  b->shown = isnan (shown) ? g_strdup ("–") : g_strdup_printf ("%.6g", shown);
  b->text = g_strdup_printf ("%s: %s", label, b->shown);
  g_ptr_array_add (s->blocks, b);
}

/* @cells: n_rows x n_cols strings (row 0 the header), taken. */
static void
add_table (Section   *s,
           guint      n_rows,
           guint      n_cols,
           GPtrArray *cells)
{
  Block *b = g_new0 (Block, 1);
  GString *tsv = g_string_new (NULL);

  g_assert (cells->len == n_rows * n_cols);
  b->kind = LB_REPORT_TABLE;
  b->n_rows = n_rows;
  b->n_cols = n_cols;
  g_ptr_array_add (cells, NULL);
  b->cells = (char **) g_ptr_array_free (cells, FALSE);
  for (guint r = 0; r < n_rows; r++)
    {
      for (guint c = 0; c < n_cols; c++)
        g_string_append_printf (tsv, c > 0 ? "\t%s" : "%s", b->cells[r * n_cols + c]);
      g_string_append_c (tsv, '\n');
    }
  b->text = g_string_free (tsv, FALSE);
  g_ptr_array_add (s->blocks, b);
}

static void
add_chart (Section *s,
           LbChart *chart)
{
  Block *b;

  if (chart == NULL)
    return;
  b = g_new0 (Block, 1);
  b->kind = LB_REPORT_CHART;
  b->chart = chart;
  b->text = g_strdup (lb_chart_get_title (chart));
  g_ptr_array_add (s->blocks, b);
}

static char *
node_text (JsonNode *node)
{
  g_autoptr (JsonGenerator) gen = json_generator_new ();

  if (node == NULL)
    return g_strdup ("{}");
  json_generator_set_root (gen, node);
  return json_generator_to_data (gen, NULL);
}

static char *
object_text (JsonObject *object)
{
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  if (object == NULL)
    return g_strdup ("{}");
  json_node_set_object (node, object);
  return node_text (node);
}

static JsonObject *
result_object (LbWorkbench *workbench,
               const char  *key)
{
  JsonNode *node = lb_workbench_get_result (workbench, key);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static char *
fmt (double value)
{
  return isnan (value) ? g_strdup ("–") : g_strdup_printf ("%.6g", value);
}

static void
build_problem (LbReport    *report,
               LbWorkbench *workbench)
{
  Section *s = add_section (report, _("The problem"));
  const char *target = lb_workbench_get_target (workbench);
  const char *notes = lb_workbench_get_notes (workbench);
  const char *positive = lb_workbench_get_positive_class (workbench);

  add_text (s, _("Target (the value to predict): %s"), target != NULL ? target : _("not chosen"));
  add_text (s, _("Task: %s"), lb_task_get_label (lb_workbench_get_task (workbench)));
  add_text (s, _("Performance measure: %s"),
            lb_workbench_get_scoring (workbench) != NULL
            ? lb_workbench_scoring_label (lb_workbench_get_scoring (workbench)) : _("not chosen"));
  if (positive != NULL)
    add_text (s, _("Positive class: %s"), positive);
  if (notes != NULL && *notes != '\0')
    add_text (s, _("Notes: %s"), notes);
}

static void
build_data (LbReport    *report,
            LbWorkbench *workbench)
{
  Section *s = add_section (report, _("The data"));
  LbTable *table = lb_workbench_get_table (workbench);
  LbTable *train = lb_workbench_get_train_table (workbench);
  const char *path = lb_workbench_get_data_path (workbench);
  const char *sample = lb_workbench_get_data_sample (workbench);

  add_text (s, _("Source: %s"), path != NULL ? path : sample != NULL ? sample : _("none"));
  if (table != NULL)
    add_text (s, _("%u columns; %zu rows, of which %zu train the models."),
              lb_table_get_n_columns (table), lb_table_get_n_rows (table),
              train != NULL ? lb_table_get_n_rows (train) : (gsize) 0);
  report->train = train != NULL ? lb_table_ref (train) : NULL;
  report->data_section = s;
}

/* The split in words ("stratified on median_income, bins 0, 1.5, …, 20 % of
 * the rows"), not its JSON: the report is read by people. */
static char *
split_text (JsonObject *split)
{
  const char *kind = json_object_get_string_member_with_default (split, "kind", "none");
  const char *column = json_object_get_string_member_with_default (split, "column", NULL);
  double test_size = json_object_has_member (split, "test_size")
                     ? json_object_get_double_member (split, "test_size") : NAN;
  g_autofree char *size = isnan (test_size) ? g_strdup ("")
                          : g_strdup_printf (_("%g %% of the rows"), 100.0 * test_size);

  if (g_strcmp0 (kind, "random") == 0)
    return g_strdup_printf (_("random, %s"), size);
  if (g_strcmp0 (kind, "stratified") == 0)
    {
      JsonArray *bins = json_object_has_member (split, "bins")
                        ? json_object_get_array_member (split, "bins") : NULL;
      GString *edges = g_string_new (NULL);

      for (guint i = 0; bins != NULL && i < json_array_get_length (bins); i++)
        {
          JsonNode *node = json_array_get_element (bins, i);

          if (i > 0)
            g_string_append (edges, ", ");
          if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
            g_string_append (edges, json_node_get_string (node));
          else
            g_string_append_printf (edges, "%g", json_node_get_double (node));
        }
      {
        g_autofree char *edge_text = g_string_free (edges, FALSE);

        return g_strdup_printf (_("stratified on %s binned by the edges %s, %s"),
                                column != NULL ? column : "?", edge_text, size);
      }
    }
  if (g_strcmp0 (kind, "id_hash") == 0)
    return g_strdup_printf (_("stable hash of the id column %s, %s"),
                            column != NULL ? column : _("(the row number)"), size);
  return object_text (split);
}

static void
build_test_set (LbReport    *report,
                LbWorkbench *workbench)
{
  Section *s = add_section (report, _("The test set"));
  JsonObject *split = lb_workbench_get_split (workbench);
  JsonArray *log = lb_workbench_get_unseal_log (workbench);
  LbSplit *rows = lb_workbench_get_split_rows (workbench);

  if (split == NULL)
    {
      add_text (s, _("No test set was set aside."));
      return;
    }
  {
    g_autofree char *text = split_text (split);

    add_text (s, _("Split: %s"), text);
  }
  if (rows != NULL)
    add_text (s, _("%zu rows are in the test set."), lb_workbench_get_n_test (workbench));
  add_text (s, "%s", lb_workbench_get_sealed (workbench) ? _("The test set is sealed.")
                                                         : _("The test set was unsealed for the final evaluation."));
  if (log != NULL && json_array_get_length (log) > 0)
    {
      GPtrArray *cells = g_ptr_array_new ();

      g_ptr_array_add (cells, g_strdup (_("Unsealed at")));
      g_ptr_array_add (cells, g_strdup (_("Reason")));
      for (guint i = 0; i < json_array_get_length (log); i++)
        {
          JsonObject *entry = json_array_get_object_element (log, i);

          g_ptr_array_add (cells, g_strdup (json_object_get_string_member_with_default (entry, "time", "")));
          g_ptr_array_add (cells, g_strdup (json_object_get_string_member_with_default (entry, "reason", "")));
        }
      add_table (s, json_array_get_length (log) + 1, 2, cells);
    }
}

static void
build_pipeline (LbReport    *report,
                LbWorkbench *workbench)
{
  Section *s = add_section (report, _("The preparation pipeline"));
  JsonObject *pipeline = lb_workbench_get_pipeline (workbench);
  JsonArray *groups = pipeline != NULL && json_object_has_member (pipeline, "groups")
                      ? json_object_get_array_member (pipeline, "groups") : NULL;
  GPtrArray *cells;
  guint n_rows = 1;

  if (groups == NULL || json_array_get_length (groups) == 0)
    {
      add_text (s, _("No preparation: the models get the columns as they are."));
      return;
    }
  cells = g_ptr_array_new ();
  g_ptr_array_add (cells, g_strdup (_("Group")));
  g_ptr_array_add (cells, g_strdup (_("Columns")));
  g_ptr_array_add (cells, g_strdup (_("Step")));
  g_ptr_array_add (cells, g_strdup (_("Estimator")));
  g_ptr_array_add (cells, g_strdup (_("Parameters")));
  for (guint g = 0; g < json_array_get_length (groups); g++)
    {
      JsonObject *group = json_array_get_object_element (groups, g);
      JsonArray *steps = json_object_has_member (group, "steps") ? json_object_get_array_member (group, "steps") : NULL;
      const char *kind = json_object_get_string_member_with_default (group, "kind", "");
      /* the kind in words ("numeric" is a project-file key, not a label) */
      g_autofree char *columns = json_object_has_member (group, "columns")
                                 ? node_text (json_object_get_member (group, "columns"))
                                 : g_strdup (g_strcmp0 (kind, "numeric") == 0 ? _("Numeric columns")
                                             : g_strcmp0 (kind, "categorical") == 0 ? _("Categorical columns")
                                             : kind);
      guint n_steps = steps != NULL ? json_array_get_length (steps) : 0;

      for (guint i = 0; i < MAX (n_steps, 1); i++)
        {
          JsonObject *step = i < n_steps ? json_array_get_object_element (steps, i) : NULL;

          g_ptr_array_add (cells, g_strdup (json_object_get_string_member_with_default (group, "name", "")));
          g_ptr_array_add (cells, g_strdup (columns));
          g_ptr_array_add (cells, g_strdup (step != NULL ? json_object_get_string_member_with_default (step, "name", "") : _("(passed through)")));
          g_ptr_array_add (cells, g_strdup (step != NULL ? json_object_get_string_member_with_default (step, "estimator", "") : ""));
          g_ptr_array_add (cells, step != NULL && json_object_has_member (step, "params")
                                  ? node_text (json_object_get_member (step, "params")) : g_strdup ("{}"));
          n_rows++;
        }
    }
  add_table (s, n_rows, 5, cells);
  add_text (s, _("Other columns: %s"),
            g_strcmp0 (json_object_get_string_member_with_default (pipeline, "remainder", "drop"), "passthrough") == 0
            ? _("passed through") : _("dropped"));
}

static void
build_shortlist (LbReport    *report,
                 LbWorkbench *workbench)
{
  Section *s = add_section (report, _("Model comparison"));
  JsonObject *shortlist = result_object (workbench, "shortlist");
  JsonArray *models = shortlist != NULL && json_object_has_member (shortlist, "models")
                      ? json_object_get_array_member (shortlist, "models") : NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_autoptr (GArray) scores = g_array_new (FALSE, FALSE, sizeof (double));
  const char *scoring = NULL;
  GPtrArray *cells;
  guint n_models, n_folds = 0;

  if (models == NULL || json_array_get_length (models) == 0)
    {
      add_text (s, _("No models were cross-validated yet (“Shortlist models”)."));
      return;
    }
  n_models = json_array_get_length (models);
  cells = g_ptr_array_new ();
  g_ptr_array_add (cells, g_strdup (_("Model")));
  g_ptr_array_add (cells, g_strdup (_("Estimator")));
  g_ptr_array_add (cells, g_strdup (_("CV mean")));
  g_ptr_array_add (cells, g_strdup (_("CV std")));
  g_ptr_array_add (cells, g_strdup (_("Train score")));
  g_ptr_array_add (cells, g_strdup (_("Fit (s)")));
  for (guint i = 0; i < n_models; i++)
    {
      JsonObject *m = json_array_get_object_element (models, i);
      JsonArray *folds = json_object_has_member (m, "cv_scores") ? json_object_get_array_member (m, "cv_scores") : NULL;

      n_folds = MAX (n_folds, folds != NULL ? json_array_get_length (folds) : 0);
      scoring = json_object_get_string_member_with_default (m, "scoring", scoring);
    }
  for (guint i = 0; i < n_models; i++)
    {
      JsonObject *m = json_array_get_object_element (models, i);
      const char *name = json_object_get_string_member_with_default (m, "name", "?");
      const char *sc = json_object_get_string_member_with_default (m, "scoring", scoring);
      double mean = json_object_get_double_member_with_default (m, "cv_mean", NAN);
      JsonArray *folds = json_object_has_member (m, "cv_scores") ? json_object_get_array_member (m, "cv_scores") : NULL;
      g_autofree char *id = g_strdup_printf ("cv-mean-%s", name);
      g_autofree char *label = g_strdup_printf (_("%s: mean cross-validation %s"), name, lb_workbench_scoring_label (sc));

      g_ptr_array_add (names, (gpointer) name);
      g_ptr_array_add (cells, g_strdup (name));
      g_ptr_array_add (cells, g_strdup (json_object_get_string_member_with_default (m, "estimator", "")));
      g_ptr_array_add (cells, fmt (lb_finetune_display_score (sc, mean)));
      g_ptr_array_add (cells, fmt (json_object_get_double_member_with_default (m, "cv_std", NAN)));
      g_ptr_array_add (cells, fmt (lb_finetune_display_score (sc, json_object_get_double_member_with_default (m, "train_score", NAN))));
      {
        double seconds = json_object_get_double_member_with_default (m, "fit_seconds", NAN);

        g_ptr_array_add (cells, isnan (seconds) ? g_strdup ("–") : g_strdup_printf ("%.3f", seconds));
      }
      add_number (s, id, label, mean, lb_finetune_display_score (sc, mean));
      for (guint f = 0; f < n_folds; f++)
        {
          JsonNode *v = folds != NULL && f < json_array_get_length (folds) ? json_array_get_element (folds, f) : NULL;
          double d = v != NULL && JSON_NODE_HOLDS_VALUE (v) ? lb_finetune_display_score (sc, json_node_get_double (v)) : NAN;

          g_array_append_val (scores, d);
        }
    }
  add_table (s, n_models + 1, 6, cells);
  if (n_folds > 0)
    {
      g_ptr_array_add (names, NULL);
      add_chart (s, lb_chart_new_fold_scores ((const char * const *) names->pdata, (double *) scores->data,
                                              n_models, n_folds, lb_workbench_scoring_label (scoring), NULL));
    }
}

static void
build_search (LbReport    *report,
              LbWorkbench *workbench)
{
  Section *s = add_section (report, _("Fine-tuning"));
  JsonObject *search = result_object (workbench, "search");
  const char *scoring;
  JsonArray *candidates;
  GPtrArray *cells;
  guint n;

  if (search == NULL)
    {
      add_text (s, _("No hyper-parameter search was run (“Fine-tune”)."));
      return;
    }
  scoring = json_object_get_string_member_with_default (search, "scoring", NULL);
  add_text (s, _("A %s search of %s (%s), scored by %s with cross-validation."),
            g_strcmp0 (json_object_get_string_member_with_default (search, "kind", "grid"), "random") == 0
            ? _("randomized") : _("grid"),
            json_object_get_string_member_with_default (search, "model", "?"),
            json_object_get_string_member_with_default (search, "estimator", "?"),
            lb_workbench_scoring_label (scoring));
  {
    g_autofree char *best = lb_finetune_format_params (json_object_has_member (search, "best_params")
                                                       ? json_object_get_object_member (search, "best_params") : NULL,
                                                       NULL);
    double score = json_object_get_double_member_with_default (search, "best_score", NAN);
    g_autofree char *label = g_strdup_printf (_("Best mean cross-validation %s"), lb_workbench_scoring_label (scoring));

    add_text (s, _("Best parameters: %s"), best);
    add_number (s, "best-score", label, score, lb_finetune_display_score (scoring, score));
  }
  candidates = json_object_has_member (search, "candidates") ? json_object_get_array_member (search, "candidates") : NULL;
  n = candidates != NULL ? MIN (json_array_get_length (candidates), TOP_CANDIDATES) : 0;
  if (n > 0)
    {
      cells = g_ptr_array_new ();
      g_ptr_array_add (cells, g_strdup (_("Rank")));
      g_ptr_array_add (cells, g_strdup (_("Mean")));
      g_ptr_array_add (cells, g_strdup (_("Std")));
      g_ptr_array_add (cells, g_strdup (_("Parameters")));
      for (guint i = 0; i < n; i++)
        {
          JsonObject *c = json_array_get_object_element (candidates, i);
          JsonNode *mean = json_object_get_member (c, "mean"), *std = json_object_get_member (c, "std");

          g_ptr_array_add (cells, g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member_with_default (c, "rank", 0)));
          g_ptr_array_add (cells, fmt (mean != NULL && JSON_NODE_HOLDS_VALUE (mean)
                                       ? lb_finetune_display_score (scoring, json_node_get_double (mean)) : NAN));
          g_ptr_array_add (cells, fmt (std != NULL && JSON_NODE_HOLDS_VALUE (std) ? json_node_get_double (std) : NAN));
          g_ptr_array_add (cells, lb_finetune_format_params (json_object_get_object_member (c, "params"),
                                                             json_object_get_string_member_with_default (search, "model", NULL)));
        }
      add_table (s, n + 1, 4, cells);
    }
  add_chart (s, lb_finetune_chart_build (search, NULL, LB_FINETUNE_CHART_IMPORTANCES, NAN, NULL));
}

static void
build_final (LbReport    *report,
             LbWorkbench *workbench)
{
  Section *s = add_section (report, _("Final evaluation"));
  JsonObject *final = result_object (workbench, "final");
  JsonObject *search = result_object (workbench, "search");
  const char *scoring;
  JsonNode *ci;
  double score;
  g_autofree char *label = NULL;

  if (final == NULL)
    {
      add_text (s, _("The model was not evaluated on the test set yet."));
      return;
    }
  scoring = json_object_get_string_member_with_default (final, "scoring", NULL);
  score = json_object_get_double_member_with_default (final, "test_score", NAN);
  add_text (s, _("%s (%s) with its best parameters, trained on the training set, scored on %d test rows."),
            json_object_get_string_member_with_default (final, "model", "?"),
            json_object_get_string_member_with_default (final, "estimator", "?"),
            (int) json_object_get_int_member_with_default (final, "n_test", 0));
  label = g_strdup_printf (_("Test %s"), lb_workbench_scoring_label (scoring));
  add_number (s, "test-score", label, score, lb_finetune_display_score (scoring, score));
  ci = json_object_get_member (final, "test_rmse_95ci");
  if (ci != NULL && JSON_NODE_HOLDS_ARRAY (ci))
    {
      double low = json_array_get_double_element (json_node_get_array (ci), 0);
      double high = json_array_get_double_element (json_node_get_array (ci), 1);

      add_number (s, "rmse-low", _("RMSE confidence interval (95%), low end"), low, low);
      add_number (s, "rmse-high", _("RMSE confidence interval (95%), high end"), high, high);
    }
  if (json_object_has_member (final, "at_threshold"))
    {
      JsonObject *at = json_object_get_object_member (final, "at_threshold");

      add_text (s, _("At the threshold %.4g: precision %.3f, recall %.3f, F1 %.3f (TN %d, FP %d, FN %d, TP %d)."),
                json_object_get_double_member_with_default (final, "threshold", NAN),
                json_object_get_double_member_with_default (at, "precision", NAN),
                json_object_get_double_member_with_default (at, "recall", NAN),
                json_object_get_double_member_with_default (at, "f1", NAN),
                (int) json_object_get_int_member_with_default (at, "tn", 0),
                (int) json_object_get_int_member_with_default (at, "fp", 0),
                (int) json_object_get_int_member_with_default (at, "fn", 0),
                (int) json_object_get_int_member_with_default (at, "tp", 0));
    }
  for (const char * const *which = lb_finetune_chart_list (); *which != NULL; which++)
    if (strcmp (*which, LB_FINETUNE_CHART_IMPORTANCES) != 0)
      add_chart (s, lb_finetune_chart_build (search, final, *which, NAN, NULL));
}

LbReport *
lb_report_new (LbWorkbench *workbench)
{
  LbReport *report = g_new0 (LbReport, 1);
  const char *name = lb_workbench_get_name (workbench);

  report->sections = g_ptr_array_new_with_free_func (section_free);
  report->name = g_strdup (name != NULL ? name : _("Learnbench project"));
  build_problem (report, workbench);
  build_data (report, workbench);
  build_test_set (report, workbench);
  build_pipeline (report, workbench);
  build_shortlist (report, workbench);
  build_search (report, workbench);
  build_final (report, workbench);
  return report;
}

gboolean
lb_report_compute (LbReport     *report,
                   GCancellable *cancellable,
                   GError      **error)
{
  GPtrArray *cells;
  guint n_numeric = 0;
  static const char * const stats[] = { "count", "mean", "std", "min", "25%", "50%", "75%", "max" };

  if (report->computed)
    return TRUE;
  report->computed = TRUE;
  if (report->train == NULL)
    return TRUE;
  /* describe() of the training set: one row per numeric column */
  cells = g_ptr_array_new ();
  g_ptr_array_add (cells, g_strdup (_("Column")));
  for (guint k = 0; k < G_N_ELEMENTS (stats); k++)
    g_ptr_array_add (cells, g_strdup (stats[k]));
  for (guint c = 0; c < lb_table_get_n_columns (report->train) && n_numeric < DESCRIBE_MAX_COLUMNS; c++)
    {
      LbColumn *column = lb_table_get_column (report->train, c);
      LbNumericSummary sum;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          g_ptr_array_set_free_func (cells, g_free);
          g_ptr_array_unref (cells);
          return FALSE;
        }
      if (lb_column_get_kind (column) != LB_COLUMN_NUMERIC || !lb_column_describe (column, &sum))
        continue;
      g_ptr_array_add (cells, g_strdup (lb_column_get_name (column)));
      g_ptr_array_add (cells, g_strdup_printf ("%zu", sum.count));
      g_ptr_array_add (cells, fmt (sum.mean));
      g_ptr_array_add (cells, fmt (sum.std));
      g_ptr_array_add (cells, fmt (sum.min));
      g_ptr_array_add (cells, fmt (sum.q25));
      g_ptr_array_add (cells, fmt (sum.q50));
      g_ptr_array_add (cells, fmt (sum.q75));
      g_ptr_array_add (cells, fmt (sum.max));
      n_numeric++;
    }
  if (n_numeric > 0)
    {
      add_text (report->data_section, _("describe() of the training set's numeric columns:"));
      add_table (report->data_section, n_numeric + 1, 9, cells);
    }
  else
    {
      g_ptr_array_set_free_func (cells, g_free);
      g_ptr_array_unref (cells);
    }
  return TRUE;
}

/* --- reading it --- */

char **
lb_report_dup_sections (LbReport *report)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < report->sections->len; i++)
    g_strv_builder_add (builder, ((Section *) g_ptr_array_index (report->sections, i))->title);
  return g_strv_builder_end (builder);
}

guint
lb_report_get_n_sections (LbReport *report)
{
  return report->sections->len;
}

const char *
lb_report_get_section (LbReport *report,
                       guint     section)
{
  g_return_val_if_fail (section < report->sections->len, NULL);
  return ((Section *) g_ptr_array_index (report->sections, section))->title;
}

guint
lb_report_get_n_blocks (LbReport *report,
                        guint     section)
{
  g_return_val_if_fail (section < report->sections->len, 0);
  return ((Section *) g_ptr_array_index (report->sections, section))->blocks->len;
}

LbReportBlockKind
lb_report_get_block (LbReport    *report,
                     guint        section,
                     guint        block,
                     const char **text)
{
  Section *s = g_ptr_array_index (report->sections, section);
  Block *b = g_ptr_array_index (s->blocks, block);

  if (text != NULL)
    *text = b->text;
  return b->kind;
}

double
lb_report_get_number (LbReport   *report,
                      const char *id)
{
  for (guint i = 0; i < report->sections->len; i++)
    {
      Section *s = g_ptr_array_index (report->sections, i);

      for (guint j = 0; j < s->blocks->len; j++)
        {
          Block *b = g_ptr_array_index (s->blocks, j);

          if (b->kind == LB_REPORT_NUMBER && g_strcmp0 (b->id, id) == 0)
            return b->value;
        }
    }
  return NAN;
}

guint
lb_report_get_n_charts (LbReport *report)
{
  guint n = 0;

  for (guint i = 0; i < report->sections->len; i++)
    {
      Section *s = g_ptr_array_index (report->sections, i);

      for (guint j = 0; j < s->blocks->len; j++)
        n += ((Block *) g_ptr_array_index (s->blocks, j))->kind == LB_REPORT_CHART;
    }
  return n;
}

/* --- HTML --- */

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static char *
chart_png_base64 (LbChart *chart,
                  GError **error)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, CHART_WIDTH, CHART_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  g_autoptr (GByteArray) png = g_byte_array_new ();
  gboolean ok = lb_chart_render (chart, cr, CHART_WIDTH, CHART_HEIGHT, error);

  cairo_destroy (cr);
  if (ok && cairo_surface_write_to_png_stream (surface, append_png, png) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not encode a plot as PNG"));
      ok = FALSE;
    }
  cairo_surface_destroy (surface);
  return ok ? g_base64_encode (png->data, png->len) : NULL;
}

static void
html_escaped (GString    *out,
              const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  g_string_append (out, escaped);
}

static const char html_style[] =
  "body{font-family:'Noto Sans','DejaVu Sans','WenQuanYi Micro Hei',sans-serif;max-width:60em;margin:2em auto;"
  "color:#222;line-height:1.45;padding:0 1em}"
  "h1{font-size:1.7em;border-bottom:2px solid #3465a4}h2{font-size:1.3em;margin-top:1.6em;color:#204a87}"
  "table{border-collapse:collapse;margin:.6em 0;font-size:.9em}"
  "th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}"
  "th{background:#eef2f7}td.n{text-align:right;font-variant-numeric:tabular-nums}"
  ".num{font-weight:bold}figure{margin:1em 0}figure img{max-width:100%;border:1px solid #ddd}"
  "figcaption{color:#555;font-size:.9em}nav ol{columns:2}.meta{color:#666;font-size:.85em}";

static gboolean
looks_numeric (const char *text)
{
  char *end = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;
  g_ascii_strtod (text, &end);
  return end != text && *end == '\0';
}

gboolean
lb_report_write_html (LbReport     *report,
                      const char   *path,
                      GCancellable *cancellable,
                      GError      **error)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = g_date_time_format (now, "%Y-%m-%d %H:%M");
  guint figure = 0;

  if (!lb_report_compute (report, cancellable, error))
    return FALSE;
  g_string_append (out, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n<title>");
  html_escaped (out, report->name);
  g_string_append_printf (out, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>", html_style);
  html_escaped (out, report->name);
  g_string_append (out, "</h1>\n<p class=\"meta\">");
  {
    g_autofree char *generated = g_strdup_printf (_("Report generated by Learnbench on %s."), when);

    html_escaped (out, generated);
  }
  g_string_append (out, "</p>\n<nav><ol>\n");
  for (guint i = 0; i < report->sections->len; i++)
    {
      Section *s = g_ptr_array_index (report->sections, i);

      g_string_append_printf (out, "<li><a href=\"#s%u\">", i + 1);
      html_escaped (out, s->title);
      g_string_append (out, "</a></li>\n");
    }
  g_string_append (out, "</ol></nav>\n");
  for (guint i = 0; i < report->sections->len; i++)
    {
      Section *s = g_ptr_array_index (report->sections, i);

      g_string_append_printf (out, "<section id=\"s%u\">\n<h2>%u. ", i + 1, i + 1);
      html_escaped (out, s->title);
      g_string_append (out, "</h2>\n");
      for (guint j = 0; j < s->blocks->len; j++)
        {
          Block *b = g_ptr_array_index (s->blocks, j);

          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          switch (b->kind)
            {
            case LB_REPORT_TEXT:
              g_string_append (out, "<p>");
              html_escaped (out, b->text);
              g_string_append (out, "</p>\n");
              break;
            case LB_REPORT_NUMBER:
              {
                char exact[G_ASCII_DTOSTR_BUF_SIZE];
                g_autofree char *label = g_strndup (b->text, strlen (b->text) - strlen (b->shown) - 2);

                g_ascii_dtostr (exact, sizeof exact, b->value);
                g_string_append (out, "<p>");
                html_escaped (out, label);
                g_string_append_printf (out, ": <span class=\"num\" id=\"%s\" data-value=\"%s\">", b->id,
                                        isnan (b->value) ? "nan" : exact);
                html_escaped (out, b->shown);
                g_string_append (out, "</span></p>\n");
              }
              break;
            case LB_REPORT_TABLE:
              g_string_append (out, "<table>\n");
              for (guint r = 0; r < b->n_rows; r++)
                {
                  g_string_append (out, "<tr>");
                  for (guint c = 0; c < b->n_cols; c++)
                    {
                      const char *cell = b->cells[r * b->n_cols + c];

                      g_string_append (out, r == 0 ? "<th>" : looks_numeric (cell) ? "<td class=\"n\">" : "<td>");
                      html_escaped (out, cell);
                      g_string_append (out, r == 0 ? "</th>" : "</td>");
                    }
                  g_string_append (out, "</tr>\n");
                }
              g_string_append (out, "</table>\n");
              break;
            case LB_REPORT_CHART:
              {
                g_autofree char *png = chart_png_base64 (b->chart, error);

                if (png == NULL)
                  return FALSE;
                figure++;
                g_string_append (out, "<figure><img alt=\"");
                html_escaped (out, b->text);
                g_string_append_printf (out, "\" width=\"%d\" height=\"%d\" src=\"data:image/png;base64,%s\">"
                                        "<figcaption>", CHART_WIDTH, CHART_HEIGHT, png);
                {
                  g_autofree char *caption = g_strdup_printf (_("Figure %u. %s"), figure, b->text);

                  html_escaped (out, caption);
                }
                g_string_append (out, "</figcaption></figure>\n");
              }
              break;
            }
        }
      g_string_append (out, "</section>\n");
    }
  g_string_append (out, "</body></html>\n");
  return g_file_set_contents_full (path, out->str, out->len, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

/* --- PDF --- */

#define PAGE_W 595.0
#define PAGE_H 842.0
#define MARGIN 50.0

typedef struct
{
  cairo_t *cr;
  double   y;
  guint    page;
} Pdf;

static void
pdf_need (Pdf   *pdf,
          double height)
{
  if (pdf->y + height > PAGE_H - MARGIN && pdf->y > MARGIN)
    {
      cairo_show_page (pdf->cr);
      pdf->page++;
      pdf->y = MARGIN;
    }
}

static void
pdf_text (Pdf        *pdf,
          const char *text,
          const char *font,
          double      gap)
{
  PangoLayout *layout = pango_cairo_create_layout (pdf->cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);
  int w, h;

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) ((PAGE_W - 2 * MARGIN) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &w, &h);
  pdf_need (pdf, (double) h / PANGO_SCALE);
  cairo_set_source_rgb (pdf->cr, 0.13, 0.13, 0.13);
  cairo_move_to (pdf->cr, MARGIN, pdf->y);
  pango_cairo_show_layout (pdf->cr, layout);
  pdf->y += (double) h / PANGO_SCALE + gap;
  pango_font_description_free (desc);
  g_object_unref (layout);
}

gboolean
lb_report_write_pdf (LbReport     *report,
                     const char   *path,
                     GCancellable *cancellable,
                     GError      **error)
{
  g_autofree char *tmp = g_strconcat (path, ".part", NULL);
  cairo_surface_t *surface;
  cairo_status_t status;
  Pdf pdf = { NULL, MARGIN, 1 };

  if (!lb_report_compute (report, cancellable, error))
    return FALSE;
  surface = cairo_pdf_surface_create (tmp, PAGE_W, PAGE_H);
  pdf.cr = cairo_create (surface);
  pdf_text (&pdf, report->name, "Sans Bold 18", 12);
  for (guint i = 0; i < report->sections->len; i++)
    {
      Section *s = g_ptr_array_index (report->sections, i);
      g_autofree char *title = g_strdup_printf ("%u. %s", i + 1, s->title);

      pdf_need (&pdf, 60);
      pdf_text (&pdf, title, "Sans Bold 13", 6);
      for (guint j = 0; j < s->blocks->len; j++)
        {
          Block *b = g_ptr_array_index (s->blocks, j);

          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              cairo_destroy (pdf.cr);
              cairo_surface_destroy (surface);
              g_unlink (tmp);
              return FALSE;
            }
          switch (b->kind)
            {
            case LB_REPORT_TEXT:
            case LB_REPORT_NUMBER:
              pdf_text (&pdf, b->text, b->kind == LB_REPORT_NUMBER ? "Sans Bold 10" : "Sans 10", 4);
              break;
            case LB_REPORT_TABLE:
              for (guint r = 0; r < b->n_rows; r++)
                {
                  g_autoptr (GString) row = g_string_new (NULL);

                  for (guint c = 0; c < b->n_cols; c++)
                    g_string_append_printf (row, c > 0 ? "  |  %s" : "%s", b->cells[r * b->n_cols + c]);
                  pdf_text (&pdf, row->str, r == 0 ? "Monospace Bold 7" : "Monospace 7", 1);
                }
              pdf.y += 6;
              break;
            case LB_REPORT_CHART:
              {
                double w = PAGE_W - 2 * MARGIN, h = w * CHART_HEIGHT / CHART_WIDTH;

                pdf_need (&pdf, h + 8);
                cairo_save (pdf.cr);
                cairo_translate (pdf.cr, MARGIN, pdf.y);
                if (!lb_chart_render (b->chart, pdf.cr, w, h, error))
                  {
                    cairo_restore (pdf.cr);
                    cairo_destroy (pdf.cr);
                    cairo_surface_destroy (surface);
                    g_unlink (tmp);
                    return FALSE;
                  }
                cairo_restore (pdf.cr);
                pdf.y += h + 8;
              }
              break;
            }
        }
      pdf.y += 8;
    }
  cairo_show_page (pdf.cr);
  cairo_destroy (pdf.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not write “%s”: %s"), path,
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
