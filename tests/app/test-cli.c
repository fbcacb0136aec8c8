/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-cli.c: the `learnbench` command line, run as a user runs it (the built
 * binary, through GSubprocess): describe --json on housing.csv equals pandas
 * 1.5.3's describe(); a malformed file gives one sentence and exit 1; usage
 * mistakes exit 2; bench load reports sane figures.
 */
#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "lb-test-util.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} RunResult;

static void
run_result_clear (RunResult *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RunResult, run_result_clear)

/* Runs learnbench with @args (NULL-terminated) in the C locale (English messages). */
static RunResult
run_learnbench (const char *first,
                ...)
{
  const char *exe = g_getenv ("LEARNBENCH_EXE");
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  RunResult r = { -1, NULL, NULL };
  va_list ap;

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (gpointer) exe);
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &r.out, &r.err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  r.status = g_subprocess_get_exit_status (process);
  return r;
}

/* --- JSON helpers --- */

static JsonObject *
find_column (JsonArray  *columns,
             const char *name)
{
  for (guint i = 0; i < json_array_get_length (columns); i++)
    {
      JsonObject *col = json_array_get_object_element (columns, i);

      if (g_strcmp0 (json_object_get_string_member (col, "name"), name) == 0)
        return col;
    }
  return NULL;
}

/* |a - b| <= rtol * |b|: the 1e-12 relative agreement with pandas. */
static void
assert_close (double      actual,
              double      expected,
              double      rtol,
              const char *what)
{
  if (!(fabs (actual - expected) <= rtol * fabs (expected)))
    g_error ("%s: %.17g, expected %.17g (rtol %g)", what, actual, expected, rtol);
}

static JsonNode *
parse_one_object (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_copy (json_parser_get_root (parser));
}

/* --- describe --json on housing.csv against pandas --- */

/* The reference line metric == "describe_20640_rows" of
 * ../shared/reference/reference-results.jsonl (pandas 1.5.3, df.describe()). */
static JsonNode *
load_pandas_describe (void)
{
  g_autofree char *path = lb_test_reference_file ("reference-results.jsonl");
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GError) error = NULL;

  if (path == NULL)
    return NULL;
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr (JsonNode) node = NULL;
      JsonObject *obj;

      if (strstr (lines[i], "\"describe_20640_rows\"") == NULL)
        continue;
      node = parse_one_object (lines[i]);
      obj = json_node_get_object (node);
      if (g_strcmp0 (json_object_get_string_member (obj, "metric"), "describe_20640_rows") == 0)
        return json_node_copy (json_object_get_member (obj, "value"));
    }
  g_test_skip ("describe_20640_rows is not in reference-results.jsonl");
  return NULL;
}

static void
test_describe_json_housing (void)
{
  g_autofree char *housing = lb_test_data_file ("housing/housing.csv");
  g_autoptr (JsonNode) pandas = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_auto (RunResult) r = { 0 };
  static const char *stats[] = { "mean", "std", "min", "25%", "50%", "75%", "max" };
  JsonObject *obj, *col;
  JsonArray *columns;
  GList *names;

  if (housing == NULL)
    return;
  pandas = load_pandas_describe ();
  if (pandas == NULL)
    return;

  r = run_learnbench ("describe", housing, "--json", NULL);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  root = parse_one_object (r.out);
  obj = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (obj, "rows"), ==, 20640);
  columns = json_object_get_array_member (obj, "columns");
  g_assert_cmpuint (json_array_get_length (columns), ==, 10);

  names = json_object_get_members (json_node_get_object (pandas));
  g_assert_cmpuint (g_list_length (names), ==, 9);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonObject *ref = json_object_get_object_member (json_node_get_object (pandas), l->data);

      col = find_column (columns, l->data);
      g_assert_nonnull (col);
      g_assert_cmpstr (json_object_get_string_member (col, "dtype"), ==, "numeric");
      g_assert_cmpint (json_object_get_int_member (col, "count"), ==,
                       (gint64) json_object_get_double_member (ref, "count"));
      g_assert_cmpint (json_object_get_int_member (col, "non_null"), ==,
                       (gint64) json_object_get_double_member (ref, "count"));
      for (guint k = 0; k < G_N_ELEMENTS (stats); k++)
        {
          g_autofree char *what = g_strdup_printf ("%s %s", (char *) l->data, stats[k]);

          assert_close (json_object_get_double_member (col, stats[k]),
                        json_object_get_double_member (ref, stats[k]), 1e-12, what);
        }
    }
  g_list_free (names);

  /* ocean_proximity: pandas' value_counts() (reference "ocean_proximity_counts") */
  col = find_column (columns, "ocean_proximity");
  g_assert_nonnull (col);
  g_assert_cmpstr (json_object_get_string_member (col, "dtype"), ==, "categorical");
  g_assert_cmpstr (json_object_get_string_member (col, "top"), ==, "<1H OCEAN");
  g_assert_cmpint (json_object_get_int_member (col, "freq"), ==, 9136);
  g_assert_cmpint (json_object_get_int_member (col, "unique"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (col, "count"), ==, 20640);
  g_assert_false (json_object_has_member (col, "mean"));
}

/* A small fixture whose pandas 1.5.3 describe() was printed with repr():
 * /usr/bin/python3 -c "import pandas as pd; print(pd.read_csv('tiny.csv').describe())" */
static void
test_describe_json_tiny (void)
{
  g_autofree char *path = g_build_filename (LB_SOURCE_DIR, "tests", "app", "fixtures", "tiny.csv", NULL);
  static const struct { const char *stat; double a; } a_ref[] = {
    { "mean", 0.35000000000000003 }, { "std", 0.18708286933869706 }, { "min", 0.1 },
    { "25%", 0.225 }, { "50%", 0.35 }, { "75%", 0.475 }, { "max", 0.6 },
  };
  g_auto (RunResult) r = run_learnbench ("describe", "--json", path, NULL);
  g_autoptr (JsonNode) root = NULL;
  JsonArray *columns;
  JsonObject *col;

  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  root = parse_one_object (r.out);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "rows"), ==, 6);
  columns = json_object_get_array_member (json_node_get_object (root), "columns");
  g_assert_cmpuint (json_array_get_length (columns), ==, 3);

  col = find_column (columns, "a");
  for (guint k = 0; k < G_N_ELEMENTS (a_ref); k++)
    assert_close (json_object_get_double_member (col, a_ref[k].stat), a_ref[k].a, 1e-12, a_ref[k].stat);
  /* 17 significant digits: 0.35 would not tell this mean from the double nearest 0.35 */
  g_assert_nonnull (strstr (r.out, "\"mean\": 0.35000000000000003"));

  /* b: one value, so std (ddof = 1) is NaN -> null */
  col = find_column (columns, "b");
  g_assert_cmpint (json_object_get_int_member (col, "count"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (col, "non_null"), ==, 1);
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (col, "std")));
  assert_close (json_object_get_double_member (col, "mean"), 1.0, 0.0, "b mean");

  /* c: count 6, unique 2, top x, freq 4 (pandas, include='object') */
  col = find_column (columns, "c");
  g_assert_cmpint (json_object_get_int_member (col, "count"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (col, "unique"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (col, "top"), ==, "x");
  g_assert_cmpint (json_object_get_int_member (col, "freq"), ==, 4);
}

static void
test_describe_sample (void)
{
  g_auto (RunResult) r = run_learnbench ("describe", "sample:moons", "--json", NULL);
  g_autoptr (JsonNode) root = NULL;
  JsonArray *columns;
  gint64 rows;

  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  root = parse_one_object (r.out);
  rows = json_object_get_int_member (json_node_get_object (root), "rows");
  g_assert_cmpint (rows, >, 0);
  columns = json_object_get_array_member (json_node_get_object (root), "columns");
  g_assert_nonnull (find_column (columns, "x1"));
  g_assert_nonnull (find_column (columns, "x2"));
  g_assert_cmpint (json_object_get_int_member (find_column (columns, "x1"), "count"), ==, rows);
}

/* The text form: info() then describe(), columns aligned. */
static void
test_describe_text (void)
{
  g_autofree char *path = g_build_filename (LB_SOURCE_DIR, "tests", "app", "fixtures", "tiny.csv", NULL);
  g_auto (RunResult) r = run_learnbench ("describe", path, NULL);
  g_auto (GStrv) lines = NULL;
  int header = -1;

  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "6 entries, 0 to 5"));
  g_assert_nonnull (strstr (r.out, "1 non-null"));
  lines = g_strsplit (r.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "   count") || strstr (lines[i], "count      mean") != NULL)
      {
        header = (int) i;
        break;
      }
  g_assert_cmpint (header, >=, 0);
  /* numeric rows "a" and "b" follow; right-aligned numbers end in the same column */
  g_assert_true (g_str_has_prefix (lines[header + 1], "a "));
  g_assert_true (g_str_has_prefix (lines[header + 2], "b "));
  g_assert_cmpuint (strlen (lines[header + 1]), ==, strlen (lines[header]));
  g_assert_cmpuint (strlen (lines[header + 2]), ==, strlen (lines[header]));
  g_assert_nonnull (strstr (lines[header + 1], "0.35"));
  g_assert_nonnull (strstr (lines[header + 2], "NaN"));  /* b's std */
}

/* --- failures --- */

/* One line ending in a newline, with some words in it. */
static void
assert_one_sentence (const char *err)
{
  g_assert_cmpuint (strlen (err), >, 10);
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
}

static void
test_describe_malformed (void)
{
  g_autofree char *path = g_build_filename (LB_SOURCE_DIR, "tests", "app", "fixtures", "ragged.csv", NULL);
  g_auto (RunResult) r = run_learnbench ("describe", path, NULL);

  g_test_message ("stderr: %s", r.err);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.out, ==, "");
  assert_one_sentence (r.err);
  /* what and where: the third line has 2 fields where 3 are expected */
  g_assert_nonnull (strstr (r.err, "line 3"));
  g_assert_nonnull (strstr (r.err, "2"));
  g_assert_nonnull (strstr (r.err, "3"));
}

static void
test_describe_missing_file (void)
{
  g_auto (RunResult) r = run_learnbench ("describe", "/nonexistent/learnbench-test.csv", "--json", NULL);

  g_test_message ("stderr: %s", r.err);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.out, ==, "");
  assert_one_sentence (r.err);
}

static void
test_usage_errors (void)
{
  static const char *cases[][6] = {
    { "describe", NULL },
    { "describe", "--no-such-option", "x.csv", NULL },
    { "describe", "a.csv", "b.csv", NULL },
    { "bench", NULL },
    { "bench", "frobnicate", NULL },
    { "bench", "load", NULL },
    { "bench", "load", "x.csv", "--repeat", "0", NULL },
    { "bench", "load", "x.csv", "--repeat", "many", NULL },
    { "bench", "plots", "extra.csv", NULL },
    { "bench", "plots", "--points", "0", NULL },
    { "frobnicate", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (RunResult) r = run_learnbench (cases[i][0], cases[i][1], cases[i][2],
                                             cases[i][3], cases[i][4], NULL);

      g_test_message ("case %u (%s %s): status %d, stderr %s", i, cases[i][0],
                      cases[i][1] ? cases[i][1] : "", r.status, r.err);
      g_assert_cmpint (r.status, ==, 2);
      g_assert_cmpstr (r.err, !=, "");
    }
}

/* --- bench --- */

static void
test_bench_load (void)
{
  g_autofree char *housing = lb_test_data_file ("housing/housing.csv");
  g_autoptr (JsonNode) root = NULL;
  g_auto (RunResult) r = { 0 };
  JsonObject *o;

  if (housing == NULL)
    return;
  r = run_learnbench ("bench", "load", housing, "--repeat", "2", "--json", NULL);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  root = parse_one_object (r.out);
  o = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (o, "rows"), ==, 20640);
  g_assert_cmpint (json_object_get_int_member (o, "columns"), ==, 10);
  g_assert_cmpint (json_object_get_int_member (o, "numeric_columns"), ==, 9);
  g_assert_cmpint (json_object_get_int_member (o, "payload_bytes"), ==, 20640 * 9 * 8);
  g_assert_cmpfloat (json_object_get_double_member (o, "load_s"), >, 0.0);
  g_assert_cmpfloat (json_object_get_double_member (o, "describe_s"), >, 0.0);
  g_assert_cmpfloat (json_object_get_double_member (o, "total_s"), >=,
                     json_object_get_double_member (o, "load_s"));
  /* the process holds at least the numeric payload at its peak */
  g_assert_cmpint (json_object_get_int_member (o, "peak_rss_bytes"), >=, 20640 * 9 * 8);
}

static void
test_bench_load_text (void)
{
  g_autofree char *path = g_build_filename (LB_SOURCE_DIR, "tests", "app", "fixtures", "tiny.csv", NULL);
  g_auto (RunResult) r = run_learnbench ("bench", "load", path, "--repeat", "1", NULL);

  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "6 rows × 3 columns (2 numeric)"));
  g_assert_nonnull (strstr (r.out, "(6 × 2 × 8 bytes)"));
}

static void
test_bench_plots (void)
{
  g_auto (RunResult) r = run_learnbench ("bench", "plots", "--points", "2000", "--repeat", "3", "--json", NULL);
  g_autoptr (JsonNode) root = NULL;
  JsonObject *o;
  double render, points;

  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  root = parse_one_object (r.out);
  o = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (o, "points"), ==, 2000);
  render = json_object_get_double_member (o, "render_ms");
  points = json_object_get_double_member (o, "points_ms");
  /* drawing the points is part of the whole render */
  g_assert_cmpfloat (render, >, 0.0);
  g_assert_cmpfloat (points, >=, 0.0);
  g_assert_cmpfloat (points, <=, render);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("LEARNBENCH_EXE") == NULL)
    g_setenv ("LEARNBENCH_EXE", LB_BUILD_DIR "/app/learnbench", FALSE);

  g_test_add_func ("/learnbench/app/cli/describe-json-housing", test_describe_json_housing);
  g_test_add_func ("/learnbench/app/cli/describe-json-tiny", test_describe_json_tiny);
  g_test_add_func ("/learnbench/app/cli/describe-sample", test_describe_sample);
  g_test_add_func ("/learnbench/app/cli/describe-text", test_describe_text);
  g_test_add_func ("/learnbench/app/cli/describe-malformed", test_describe_malformed);
  g_test_add_func ("/learnbench/app/cli/describe-missing-file", test_describe_missing_file);
  g_test_add_func ("/learnbench/app/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/learnbench/app/cli/bench-load", test_bench_load);
  g_test_add_func ("/learnbench/app/cli/bench-load-text", test_bench_load_text);
  g_test_add_func ("/learnbench/app/cli/bench-plots", test_bench_plots);
  return g_test_run ();
}
