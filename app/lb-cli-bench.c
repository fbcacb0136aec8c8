/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-cli-bench.c: `learnbench bench load FILE [--repeat N] [--json]` times
 * loading a file and profiling it (info + describe + value counts), reports
 * the medians, the process's peak memory and how it compares with the numeric
 * payload (rows x numeric columns x 8 bytes). bench/compare-load.sh puts these
 * figures beside pandas' and data.table's. `bench plots` times chart renders.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lb-cli.h"
#include "lb-cli-private.h"
#include "lb-plots.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median of @n values (sorts them). */
static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), (int (*) (const void *, const void *)) compare_doubles);
  if (n % 2 == 1)
    return values[n / 2];
  return 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

static double
seconds_since (gint64 t0)
{
  return (double) (g_get_monotonic_time () - t0) / G_USEC_PER_SEC;
}

/* --- bench load --- */

static int
bench_load (int    argc,
            char **argv)
{
  int repeat = 3;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "repeat", 'n', 0, G_OPTION_ARG_INT, &repeat, N_("Load and describe N times; report medians (default 3)"), "N" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_("FILE"));
  g_auto (GStrv) args = lb_cli_args_dup (argc, argv, "bench load");
  g_autoptr (GError) error = NULL;
  g_autofree double *load_s = NULL;
  g_autofree double *describe_s = NULL;
  g_autofree double *total_s = NULL;
  gsize n_rows = 0;
  guint n_columns = 0, n_numeric = 0;
  guint64 baseline_rss, peak_rss, payload, file_size = 0;
  double load, describe, total, first_load, min_load, min_total;
  GStatBuf st;

  g_option_context_set_summary (context,
                                _("Time loading FILE and computing its profile (info, describe, "
                                  "value counts); report medians and peak memory."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse_strv (context, &args, &error))
    return lb_cli_usage_error (context, error->message);
  if (g_strv_length (args) != 2)
    return lb_cli_usage_error (context, _("Give exactly one file."));
  if (repeat < 1 || repeat > 1000)
    return lb_cli_usage_error (context, _("--repeat must be between 1 and 1000."));

  if (g_stat (args[1], &st) == 0)
    file_size = (guint64) st.st_size;

  load_s = g_new (double, repeat);
  describe_s = g_new (double, repeat);
  total_s = g_new (double, repeat);
  baseline_rss = lb_cli_current_rss ();

  for (int r = 0; r < repeat; r++)
    {
      g_autoptr (LbTable) table = NULL;
      g_autoptr (LbProfile) profile = NULL;
      gint64 t0, t1;

      t0 = g_get_monotonic_time ();
      table = lb_load_table (args[1], NULL, NULL, NULL, &error);
      if (table == NULL)
        return lb_cli_failure (error);
      load_s[r] = seconds_since (t0);

      t1 = g_get_monotonic_time ();
      profile = lb_profile_compute (table, NULL, &error);
      if (profile == NULL)
        return lb_cli_failure (error);
      describe_s[r] = seconds_since (t1);
      total_s[r] = seconds_since (t0);

      if (r == 0)
        {
          g_autoptr (GArray) numeric = lb_table_dup_numeric_columns (table);

          n_rows = lb_table_get_n_rows (table);
          n_columns = lb_table_get_n_columns (table);
          n_numeric = numeric->len;
        }
      /* table and profile are freed here, before the next round */
    }

  peak_rss = lb_cli_peak_rss ();
  payload = (guint64) n_rows * n_numeric * sizeof (double);
  first_load = load_s[0];
  min_load = load_s[0];
  min_total = total_s[0];
  for (int r = 1; r < repeat; r++)
    {
      min_load = MIN (min_load, load_s[r]);
      min_total = MIN (min_total, total_s[r]);
    }
  load = median (load_s, repeat);
  describe = median (describe_s, repeat);
  total = median (total_s, repeat);

  if (json)
    {
      g_autoptr (GString) out = g_string_new ("{\"file\": ");
      const struct { const char *key; double value; } figures[] = {
        { "load_s", load }, { "describe_s", describe }, { "total_s", total },
        { "first_load_s", first_load },
        { "min_load_s", min_load },
        { "min_total_s", min_total },
        { "peak_over_payload", payload ? (double) peak_rss / payload : NAN },
        { "growth_over_payload",
          payload ? (double) (peak_rss - MIN (baseline_rss, peak_rss)) / payload : NAN },
      };

      lb_cli_json_append_string (out, args[1]);
      g_string_append_printf (out, ", \"file_bytes\": %" G_GUINT64_FORMAT
                              ", \"rows\": %" G_GSIZE_FORMAT
                              ", \"columns\": %u, \"numeric_columns\": %u, \"repeat\": %d"
                              ", \"baseline_rss_bytes\": %" G_GUINT64_FORMAT
                              ", \"peak_rss_bytes\": %" G_GUINT64_FORMAT
                              ", \"payload_bytes\": %" G_GUINT64_FORMAT,
                              file_size, n_rows, n_columns, n_numeric, repeat,
                              baseline_rss, peak_rss, payload);
      for (guint k = 0; k < G_N_ELEMENTS (figures); k++)
        {
          g_string_append_printf (out, ", \"%s\": ", figures[k].key);
          lb_cli_json_append_double (out, figures[k].value);
        }
      g_string_append (out, "}\n");
      fputs (out->str, stdout);
    }
  else
    {
      g_autoptr (LbTextGrid) grid = lb_text_grid_new (2);
      g_autoptr (GString) out = g_string_new (NULL);
      g_autofree char *shape = g_strdup_printf (_("%lu rows × %u columns (%u numeric)"),
                                                (gulong) n_rows, n_columns, n_numeric);
      g_autofree char *load_text = g_strdup_printf ("%.4f s", load);
      g_autofree char *describe_text = g_strdup_printf ("%.4f s", describe);
      g_autofree char *total_text = g_strdup_printf (_("%.4f s (best %.4f s)"), total, min_total);
      g_autofree char *rate = g_strdup_printf (_("%.1f MB/s, %.2f M rows/s"),
                                               file_size / load / 1e6, n_rows / load / 1e6);
      g_autofree char *peak_text = g_strdup_printf ("%.1f MB", peak_rss / 1e6);
      g_autofree char *baseline_text = g_strdup_printf ("%.1f MB", baseline_rss / 1e6);
      g_autofree char *payload_text = g_strdup_printf (_("%.1f MB (%lu × %u × 8 bytes)"),
                                                       payload / 1e6, (gulong) n_rows, n_numeric);
      g_autofree char *ratio_text = NULL;
      g_autofree char *growth_text = NULL;
      g_autofree char *runs = g_strdup_printf (_("median of %d"), repeat);

      if (payload > 0)
        {
          ratio_text = g_strdup_printf ("%.2f×", (double) peak_rss / payload);
          growth_text = g_strdup_printf ("%.2f×", (double) (peak_rss - MIN (baseline_rss, peak_rss)) / payload);
        }
      lb_text_grid_add_row (grid, _("file"), args[1]);
      lb_text_grid_add_row (grid, _("shape"), shape);
      lb_text_grid_add_row (grid, _("runs"), runs);
      lb_text_grid_add_row (grid, _("load"), load_text);
      if (file_size > 0)
        lb_text_grid_add_row (grid, _("load rate"), rate);
      lb_text_grid_add_row (grid, _("describe"), describe_text);
      lb_text_grid_add_row (grid, _("total"), total_text);
      lb_text_grid_add_row (grid, _("peak RSS"), peak_text);
      lb_text_grid_add_row (grid, _("RSS before loading"), baseline_text);
      lb_text_grid_add_row (grid, _("numeric payload"), payload_text);
      lb_text_grid_add_row (grid, _("peak RSS / payload"), ratio_text != NULL ? ratio_text : "-");
      lb_text_grid_add_row (grid, _("(peak − before) / payload"), growth_text != NULL ? growth_text : "-");
      lb_text_grid_print (grid, out);
      fputs (out->str, stdout);
    }
  return fflush (stdout) == 0 ? 0 : 1;
}

/* --- bench plots --- */

static int
bench_plots (int    argc,
             char **argv)
{
  int n_points = 20000;
  int repeat = 20;
  int tree_nodes = 4095;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "points", 'p', 0, G_OPTION_ARG_INT, &n_points, N_("Points in the scatter (default 20000)"), "N" },
    { "tree-nodes", 0, 0, G_OPTION_ARG_INT, &tree_nodes, N_("Nodes of the tree diagram (default 4095; 0 skips it)"), "N" },
    { "repeat", 'n', 0, G_OPTION_ARG_INT, &repeat, N_("Renders to time; report the median (default 20)"), "N" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_auto (GStrv) args = lb_cli_args_dup (argc, argv, "bench plots");
  g_autoptr (GError) error = NULL;
  double total_ms, points_ms = NAN, tree_ms = NAN, tree_zoomed_ms = NAN;

  g_option_context_set_summary (context,
                                _("Time rendering a scatter (colour, size, alpha, colour bar) of N "
                                  "points into a 1280×800 image, as the housing map draws."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse_strv (context, &args, &error))
    return lb_cli_usage_error (context, error->message);
  if (g_strv_length (args) != 1)
    return lb_cli_usage_error (context, _("bench plots takes no file."));
  if (n_points < 1 || n_points > 100000000)
    return lb_cli_usage_error (context, _("--points must be between 1 and 100000000."));
  if (repeat < 1 || repeat > 1000)
    return lb_cli_usage_error (context, _("--repeat must be between 1 and 1000."));
  if (tree_nodes < 0 || tree_nodes > 1000000)
    return lb_cli_usage_error (context, _("--tree-nodes must be between 0 and 1000000."));

  total_ms = lb_chart_bench_scatter_ms ((guint) n_points, (guint) repeat, &points_ms);
  if (!(total_ms >= 0))
    {
      g_printerr ("%s\n", _("The scatter could not be rendered."));
      return 1;
    }
  if (tree_nodes > 0)
    tree_ms = lb_chart_bench_tree_ms ((guint) tree_nodes, (guint) repeat, &tree_zoomed_ms);

  if (json)
    {
      g_autoptr (GString) out = g_string_new (NULL);

      g_string_append_printf (out, "{\"points\": %d, \"repeat\": %d, \"render_ms\": ", n_points, repeat);
      lb_cli_json_append_double (out, total_ms);
      g_string_append (out, ", \"points_ms\": ");
      lb_cli_json_append_double (out, points_ms);
      g_string_append_printf (out, ", \"tree_nodes\": %d, \"tree_ms\": ", tree_nodes);
      lb_cli_json_append_double (out, tree_ms);
      g_string_append (out, ", \"tree_zoomed_ms\": ");
      lb_cli_json_append_double (out, tree_zoomed_ms);
      g_string_append (out, "}\n");
      fputs (out->str, stdout);
    }
  else
    {
      g_autoptr (LbTextGrid) grid = lb_text_grid_new (2);
      g_autoptr (GString) out = g_string_new (NULL);
      g_autofree char *points = g_strdup_printf ("%d", n_points);
      g_autofree char *runs = g_strdup_printf (_("median of %d"), repeat);
      g_autofree char *total_text = g_strdup_printf ("%.2f ms", total_ms);
      g_autofree char *points_text = isnan (points_ms) ? g_strdup ("-") : g_strdup_printf ("%.2f ms", points_ms);

      lb_text_grid_add_row (grid, _("scatter points"), points);
      lb_text_grid_add_row (grid, _("runs"), runs);
      lb_text_grid_add_row (grid, _("whole render"), total_text);
      lb_text_grid_add_row (grid, _("drawing the points"), points_text);
      if (tree_nodes > 0)
        {
          g_autofree char *nodes = g_strdup_printf ("%d", tree_nodes);
          g_autofree char *t1 = g_strdup_printf ("%.2f ms", tree_ms);
          g_autofree char *t2 = g_strdup_printf ("%.2f ms", tree_zoomed_ms);
          lb_text_grid_add_row (grid, _("tree diagram nodes"), nodes);
          lb_text_grid_add_row (grid, _("tree, whole view"), t1);
          lb_text_grid_add_row (grid, _("tree, zoomed 4×"), t2);
        }
      lb_text_grid_print (grid, out);
      fputs (out->str, stdout);
    }
  return fflush (stdout) == 0 ? 0 : 1;
}

/* --- the command --- */

static void
print_bench_usage (FILE *out)
{
  fprintf (out, "%s\n", _("Usage:"));
  fprintf (out, "  learnbench bench load FILE [--repeat N] [--json]\n");
  fprintf (out, "      %s\n", _("Time loading and describing FILE, with peak memory"));
  fprintf (out, "  learnbench bench plots [--points N] [--repeat N] [--json]\n");
  fprintf (out, "      %s\n", _("Time rendering a large scatter (the housing map)"));
  fprintf (out, "  learnbench bench fit PROJECT [--repeat N] [--json]\n");
  fprintf (out, "      %s\n", _("Time each model's fit and cross-validation on the prepared data"));
}

int
lb_cli_bench (int    argc,
              char **argv)
{
  if (argc >= 2 && strcmp (argv[1], "load") == 0)
    return bench_load (argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "plots") == 0)
    return bench_plots (argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "fit") == 0)
    return lb_cli_bench_fit (argc - 1, argv + 1);
  if (argc >= 2 && (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0))
    {
      print_bench_usage (stdout);
      return 0;
    }
  if (argc >= 2)
    g_printerr (_("Unknown benchmark “%s”.\n"), argv[1]);
  print_bench_usage (stderr);
  return 2;
}
