/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-cli-run.c: `learnbench run PROJECT [--json] [--save-model FILE]`. Runs a
 * project file headless as a job, draws a progress bar on stderr when stderr
 * is a terminal, then prints a table of the models' scores — or, with --json,
 * the object of lb_project_result_to_json with every double in its shortest
 * exact form (as Python prints it), so numbers compare by eye with sklearn's.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "lb-cli.h"
#include "lb-cli-private.h"
#include "lb-engine.h"
#include "lb-project.h"
#include "lb-project-run.h"

typedef struct
{
  GMainLoop       *loop;
  LbProjectResult *result;
  GError          *error;
  gboolean         bar;        /* draw a progress bar (stderr is a terminal) */
  gboolean         bar_drawn;
  double           shown;      /* the bar never goes back */
} RunState;

/* --- the progress bar --- */

#define BAR_WIDTH 30

static void
draw_bar (RunState   *state,
          double      fraction,
          const char *message)
{
  char bar[BAR_WIDTH + 1];
  guint filled;

  if (!state->bar)
    return;
  fraction = CLAMP (fraction, 0.0, 1.0);
  fraction = state->shown = MAX (fraction, state->shown);
  filled = (guint) (fraction * BAR_WIDTH + 0.5);
  for (guint i = 0; i < BAR_WIDTH; i++)
    bar[i] = i < filled ? '#' : '-';
  bar[BAR_WIDTH] = '\0';
  /* \r and erase-to-end-of-line: one line, redrawn in place. */
  fprintf (stderr, "\r[%s] %3.0f %%  %.60s\033[K", bar, fraction * 100.0,
           message != NULL ? message : "");
  fflush (stderr);
  state->bar_drawn = TRUE;
}

static void
clear_bar (RunState *state)
{
  if (state->bar_drawn)
    {
      fprintf (stderr, "\r\033[K");
      fflush (stderr);
      state->bar_drawn = FALSE;
    }
}

static void
on_progress (LbJob      *job,
             double      fraction,
             const char *message,
             gpointer    user_data)
{
  draw_bar (user_data, fraction, message);
}

static void
on_done (GObject      *source,
         GAsyncResult *res,
         gpointer      user_data)
{
  RunState *state = user_data;

  state->result = lb_project_run_finish (res, &state->error);
  g_main_loop_quit (state->loop);
}

/* --- text output --- */

static char *
format_score (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("–");
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.6g", value));
}

static void
print_text (LbProjectResult *result,
            GString         *out)
{
  LbProject *project = result->project;
  g_autoptr (LbTextGrid) grid = lb_text_grid_new (6);

  if (project->name != NULL)
    g_string_append_printf (out, "%s\n", project->name);
  g_string_append_printf (out, _("%lu rows: %lu for training, %lu for testing; %u prepared features\n\n"),
                          (gulong) result->n_rows, (gulong) result->n_train, (gulong) result->n_test,
                          result->feature_names != NULL ? g_strv_length (result->feature_names) : 0);

  lb_text_grid_set_right_aligned (grid, 2, 5);
  lb_text_grid_add_row (grid, _("Model"), _("Scoring"), _("Train"), _("CV mean ± std"),
                        _("Test"), _("Fit (s)"));
  lb_text_grid_add_rule (grid);
  for (guint i = 0; i < result->models->len; i++)
    {
      LbProjectModelResult *m = g_ptr_array_index (result->models, i);
      g_autofree char *train = format_score (m->train_score);
      g_autofree char *mean = format_score (m->cv_mean);
      g_autofree char *std = format_score (m->cv_std);
      g_autofree char *cv = isnan (m->cv_mean) ? g_strdup ("–") : g_strdup_printf ("%s ± %s", mean, std);
      g_autofree char *test = format_score (m->test_score);
      g_autofree char *fit = g_strdup_printf ("%.3f", m->fit_seconds);

      lb_text_grid_add_row (grid, m->name, m->scoring, train, cv, test, fit);
    }
  lb_text_grid_print (grid, out);

  for (guint i = 0; i < result->models->len; i++)
    {
      LbProjectModelResult *m = g_ptr_array_index (result->models, i);

      if (m->cv_scores->len > 0)
        {
          g_string_append_printf (out, _("\n%s: CV fold scores:"), m->name);
          for (guint f = 0; f < m->cv_scores->len; f++)
            {
              g_autofree char *s = format_score (g_array_index (m->cv_scores, double, f));

              g_string_append_printf (out, " %s", s);
            }
          g_string_append_c (out, '\n');
        }
      if (!isnan (m->test_rmse_low))
        g_string_append_printf (out, _("%s: 95 %% confidence interval of the test RMSE: [%.6g, %.6g]\n"),
                                m->name, m->test_rmse_low, m->test_rmse_high);
      if (m->predictions != NULL)
        {
          g_string_append_printf (out, _("%s: predictions:"), m->name);
          for (guint r = 0; r < json_array_get_length (m->predictions); r++)
            {
              JsonNode *p = json_array_get_element (m->predictions, r);

              if (JSON_NODE_HOLDS_VALUE (p) && json_node_get_value_type (p) == G_TYPE_STRING)
                g_string_append_printf (out, " %s", json_node_get_string (p));
              else
                {
                  g_autofree char *s = format_score (json_node_get_double (p));

                  g_string_append_printf (out, " %s", s);
                }
            }
          g_string_append_c (out, '\n');
        }
      if (m->best_params != NULL)
        {
          g_autofree char *params = json_to_string (m->best_params, FALSE);
          g_autofree char *score = format_score (m->best_score);

          g_string_append_printf (out, _("%s: best parameters %s (CV score %s)\n"),
                                  m->name, params, score);
        }
    }
}

/* --- JSON with the shortest exact doubles --- */

/* The shortest "%.Ng" that reads back as the same double (as Python's repr),
 * so numbers compare by eye with scikit-learn's. */
static void
append_double (GString *out,
               double   v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (v))
    {
      g_string_append (out, "null");
      return;
    }
  for (int digits = 15; digits <= 17; digits++)
    {
      g_ascii_formatd (buf, sizeof buf, digits == 15 ? "%.15g" : digits == 16 ? "%.16g" : "%.17g", v);
      if (g_ascii_strtod (buf, NULL) == v)
        break;
    }
  g_string_append (out, buf);
  /* keep a double a double: 1e+20 and 2.5 are fine, "3" reads back as an integer */
  if (strpbrk (buf, ".eEn") == NULL)
    g_string_append (out, ".0");
}

static void
append_node (GString  *out,
             JsonNode *node,
             guint     depth)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr (GList) members = json_object_get_members (object);

        if (members == NULL)
          {
            g_string_append (out, "{}");
            break;
          }
        g_string_append (out, "{\n");
        for (GList *l = members; l != NULL; l = l->next)
          {
            g_string_append_printf (out, "%*s", (int) (depth + 1) * 2, "");
            lb_cli_json_append_string (out, l->data);
            g_string_append (out, ": ");
            append_node (out, json_object_get_member (object, l->data), depth + 1);
            g_string_append (out, l->next != NULL ? ",\n" : "\n");
          }
        g_string_append_printf (out, "%*s}", (int) depth * 2, "");
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        /* numbers on one line, anything else one per line */
        gboolean flat = TRUE;

        for (guint i = 0; i < n && flat; i++)
          flat = JSON_NODE_HOLDS_VALUE (json_array_get_element (array, i))
                 && json_node_get_value_type (json_array_get_element (array, i)) != G_TYPE_STRING;
        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (!flat)
              g_string_append_printf (out, "\n%*s", (int) (depth + 1) * 2, "");
            append_node (out, json_array_get_element (array, i), depth + 1);
            if (i + 1 < n)
              g_string_append (out, flat ? ", " : ",");
          }
        if (!flat && n > 0)
          g_string_append_printf (out, "\n%*s", (int) depth * 2, "");
        g_string_append_c (out, ']');
      }
      break;
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          lb_cli_json_append_string (out, json_node_get_string (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        default:
          append_double (out, json_node_get_double (node));
          break;
        }
      break;
    }
}

/* --- the command --- */

int
lb_cli_run (int    argc,
            char **argv)
{
  gboolean json = FALSE, quiet = FALSE;
  g_autofree char *save_model = NULL;
  int threads = 0;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object with every score"), NULL },
    { "save-model", 0, 0, G_OPTION_ARG_FILENAME, &save_model,
      N_("Save the fitted pipeline (the searched model, else the first) to FILE"), N_("FILE") },
    { "threads", 0, 0, G_OPTION_ARG_INT, &threads, N_("Worker threads (default: the number of cores)"), N_("N") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("No progress bar"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_("PROJECT — run a project file headless"));
  g_auto (GStrv) args = lb_cli_args_dup (argc, argv, "run");
  g_autoptr (GError) error = NULL;
  g_autoptr (LbProject) project = NULL;
  g_autoptr (LbJob) job = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  RunState state = { 0 };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("A project file names the data, the split, the preparation pipeline, the models and "
      "how to evaluate them; see examples/README.md."));
  if (!g_option_context_parse_strv (context, &args, &error))
    return lb_cli_usage_error (context, error->message);
  if (g_strv_length (args) != 2)
    return lb_cli_usage_error (context, _("Give exactly one project file."));
  if (threads < 0 || threads > 1024)
    return lb_cli_usage_error (context, _("--threads must be between 1 and 1024."));

  project = lb_project_load (args[1], &error);
  if (project == NULL)
    return lb_cli_failure (error);

  if (threads > 0)
    lb_job_runner_set_max_threads ((guint) threads);
  state.loop = g_main_loop_new (NULL, FALSE);
  state.bar = !quiet && isatty (STDERR_FILENO);
  job = lb_project_run_async (project, NULL, on_done, &state);
  g_signal_connect (job, "progress", G_CALLBACK (on_progress), &state);
  g_main_loop_run (state.loop);
  g_main_loop_unref (state.loop);
  clear_bar (&state);

  if (state.result == NULL)
    {
      int status = lb_cli_failure (state.error);

      g_clear_error (&state.error);
      return status;
    }

  if (save_model != NULL || project->save_model != NULL)
    {
      const char *path = save_model != NULL ? save_model : project->save_model;

      if (!lb_project_result_save_model (state.result, NULL, path, &error))
        {
          lb_project_result_unref (state.result);
          return lb_cli_failure (error);
        }
    }

  if (json)
    {
      g_autoptr (JsonNode) node = lb_project_result_to_json (state.result);

      append_node (out, node, 0);
      g_string_append_c (out, '\n');
    }
  else
    print_text (state.result, out);
  fputs (out->str, stdout);
  lb_project_result_unref (state.result);
  return 0;
}
