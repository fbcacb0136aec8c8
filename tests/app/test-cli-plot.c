/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-cli-plot.c: `learnbench plot` run as a user runs it (the built binary):
 * each kind writes a file of the asked format and size, usage mistakes exit 2
 * with a hint, data problems exit 1 with one sentence naming the culprit.
 */
#include "config.h"

#include <cairo.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "lb-data.h"
#include "lb-plots.h"
#include "lb-test-util.h"

typedef struct
{
  int   status;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_clear_pointer (&r->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* `learnbench plot ARGS…` in the C locale; @args is NULL-terminated. */
static Run
plot (const char * const *args)
{
  const char *exe = g_getenv ("LEARNBENCH_EXE");
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  Run r = { -1, NULL };

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (gpointer) exe);
  g_ptr_array_add (argv, (gpointer) "plot");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &r.err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  r.status = g_subprocess_get_exit_status (process);
  return r;
}

static char *
temp_path (const char *name)
{
  static char *dir = NULL;

  if (dir == NULL)
    {
      g_autoptr (GError) error = NULL;
      dir = g_dir_make_tmp ("lb-cli-plot-XXXXXX", &error);
      g_assert_no_error (error);
    }
  return g_build_filename (dir, name, NULL);
}

static void
assert_png (const char *path,
            int         width,
            int         height)
{
  cairo_surface_t *s = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (s), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (s), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (s), ==, height);
  cairo_surface_destroy (s);
  g_unlink (path);
}

static void
assert_starts (const char *path,
               const char *magic)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (memcmp (contents, magic, strlen (magic)) == 0);
  g_unlink (path);
}

static void
test_samples (void)
{
  g_autofree char *png = temp_path ("moons.png");
  g_autofree char *svg = temp_path ("moons.svg");
  g_autofree char *pdf = temp_path ("moons.pdf");

  {
    const char *args[] = { "scatter", "sample:moons", "--x", "x1", "--y", "x2", "--color", "label",
                           "-W", "640", "-H", "400", "-o", png, NULL };
    g_auto (Run) r = plot (args);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.err, ==, "");
    assert_png (png, 640, 400);
  }
  {
    const char *args[] = { "histogram", "sample:moons", "--column", "x1", "--bin-rule", "sturges",
                           "--title", "月亮 #1", "-o", svg, NULL };
    g_auto (Run) r = plot (args);
    g_assert_cmpint (r.status, ==, 0);
    assert_starts (svg, "<?xml");
  }
  {
    const char *args[] = { "scatter-matrix", "sample:moons", "--columns", "x1, x2", "-o", pdf, NULL };
    g_auto (Run) r = plot (args);
    g_assert_cmpint (r.status, ==, 0);
    assert_starts (pdf, "%PDF-");
  }
  {
    const char *args[] = { "histograms", "sample:moons", "-o", png, "--bins", "20", NULL };
    g_auto (Run) r = plot (args);
    g_assert_cmpint (r.status, ==, 0);
    assert_png (png, 1000, 700);
  }
  {
    const char *args[] = { "correlation", "sample:moons", "-o", png, NULL };
    g_auto (Run) r = plot (args);
    g_assert_cmpint (r.status, ==, 0);
    assert_png (png, 1000, 700);
  }
  {
    const char *args[] = { "bar", "sample:moons", "--column", "label", "-o", png, NULL };
    g_auto (Run) r = plot (args);
    g_assert_cmpint (r.status, ==, 0);
    assert_png (png, 1000, 700);
  }
}

static void
test_housing (void)
{
  g_autofree char *csv = lb_test_data_file ("housing/housing.csv");
  g_autofree char *png = temp_path ("map.png");

  if (csv == NULL)
    return;
  {
    const char *args[] = { "scatter", csv, "--x", "longitude", "--y", "latitude",
                           "--color", "median_house_value", "--size", "population",
                           "--size-scale", "0.01", "--alpha", "0.4", "-o", png, NULL };
    g_auto (Run) r = plot (args);
    g_assert_cmpint (r.status, ==, 0);
    assert_png (png, 1000, 700);
  }
  {
    const char *args[] = { "histogram", csv, "--column", "ocean_proximity", "-o", png, NULL };
    g_auto (Run) r = plot (args);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "ocean_proximity"));
    g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  }
}

static void
test_images (void)
{
  g_autofree char *png = temp_path ("images.png");
  const char *args[] = { "images", "sample:fashion-mnist", "-n", "12", "-o", png, NULL };
  g_auto (Run) r = { 0 };

  if (!g_file_test (LB_FASHION_MNIST_DIR, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("Debian's dataset-fashion-mnist is not installed");
      return;
    }
  r = plot (args);
  g_assert_cmpint (r.status, ==, 0);
  assert_png (png, 1000, 700);
}

static void
test_usage_errors (void)
{
  g_autofree char *png = temp_path ("never.png");
  const char *unknown_kind[] = { "pie", "sample:moons", "-o", png, NULL };
  const char *no_output[] = { "histogram", "sample:moons", "--column", "x1", NULL };
  const char *no_column[] = { "histogram", "sample:moons", "-o", png, NULL };
  const char *bad_rule[] = { "histogram", "sample:moons", "--column", "x1", "--bin-rule", "golden", "-o", png, NULL };
  const char *no_file[] = { "scatter", "-o", png, NULL };
  const char *bad_option[] = { "scatter", "sample:moons", "--colour", "x", "-o", png, NULL };
  const char * const *cases[] = { unknown_kind, no_output, no_column, bad_rule, no_file, bad_option };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (Run) r = plot (cases[i]);
      g_assert_cmpint (r.status, ==, 2);
      g_assert_nonnull (strstr (r.err, "--help"));
    }
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
}

static void
test_failures (void)
{
  g_autofree char *png = temp_path ("never.png");
  g_autofree char *gif = temp_path ("chart.gif");
  const char *unknown_column[] = { "scatter", "sample:moons", "--x", "x1", "--y", "nope", "-o", png, NULL };
  const char *wrong_kind[] = { "bar", "sample:moons", "--column", "x1", "-o", png, NULL };
  const char *bad_format[] = { "histogram", "sample:moons", "--column", "x1", "-o", gif, NULL };
  const char *missing_file[] = { "histograms", "/nonexistent/data.csv", "-o", png, NULL };
  const char *bad_alpha[] = { "scatter", "sample:moons", "--x", "x1", "--y", "x2", "--alpha", "3", "-o", png, NULL };
  const struct { const char * const *args; const char *mentions; } cases[] = {
    { unknown_column, "nope" },
    { wrong_kind, "x1" },
    { bad_format, "chart.gif" },
    { missing_file, "/nonexistent/data.csv" },
    { bad_alpha, "0 and 1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (Run) r = plot (cases[i].args);
      g_assert_cmpint (r.status, ==, 1);
      g_assert_nonnull (strstr (r.err, cases[i].mentions));
      /* one sentence, no usage dump */
      g_assert_null (strstr (r.err, "Usage"));
    }
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (gif, G_FILE_TEST_EXISTS));
}

/* A saved tree model (iris-like stump data) and a saved non-tree model. */
static void
save_models (const char *tree_path,
             const char *linear_path)
{
  g_autoptr (LbMatrix) X = lb_matrix_new (40, 2);
  g_autoptr (LbMatrix) y = lb_matrix_new (40, 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (LbEstimator) tree = NULL;
  g_autoptr (LbEstimator) logistic = NULL;

  for (guint i = 0; i < 40; i++)
    {
      LB_MATRIX_AT (X, i, 0) = i % 10;
      LB_MATRIX_AT (X, i, 1) = i / 10;
      LB_MATRIX_AT (y, i, 0) = (i % 10 > 4) + (i / 10 > 2);
    }
  lb_estimators_register_builtin ();
  tree = lb_estimator_new_by_name ("DecisionTreeClassifier", &error);
  g_assert_no_error (error);
  g_assert_true (lb_estimator_fit (tree, X, y, NULL, &error));
  g_assert_true (lb_model_file_save (tree, tree_path, &error));
  logistic = lb_estimator_new_by_name ("LogisticRegression", &error);
  g_assert_true (lb_estimator_fit (logistic, X, y, NULL, &error));
  g_assert_true (lb_model_file_save (logistic, linear_path, &error));
  g_assert_no_error (error);
}

static void
test_model_kinds (void)
{
  g_autofree char *png = temp_path ("model.png");
  g_autofree char *tree = temp_path ("tree.json");
  g_autofree char *linear = temp_path ("linear.json");

  {
    const char *args[] = { "regions", "sample:moons", "--x", "x1", "--y", "x2", "--target", "label",
                           "--model", "KNeighborsClassifier", "-p", "n_neighbors=3", "--resolution", "60",
                           "-o", png, NULL };
    g_auto (Run) r = plot (args);
    g_assert_cmpstr (r.err, ==, "");
    g_assert_cmpint (r.status, ==, 0);
    assert_png (png, 1000, 700);
  }
  {
    const char *args[] = { "drift", "sample:moons", "--with", "sample:moons", "--column", "x1", "-o", png, NULL };
    g_auto (Run) r = plot (args);
    g_assert_cmpint (r.status, ==, 0);
    assert_png (png, 1000, 700);
  }
  save_models (tree, linear);
  {
    const char *args[] = { "tree", tree, "-W", "800", "-H", "600", "-o", png, NULL };
    g_auto (Run) r = plot (args);
    g_assert_cmpstr (r.err, ==, "");
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
    g_unlink (png);
  }
  {
    /* not a tree; not a classifier; a parameter without a value; no --target */
    const char *not_tree[] = { "tree", linear, "-o", png, NULL };
    const char *regressor[] = { "regions", "sample:moons", "--x", "x1", "--y", "x2", "--target", "label",
                                "--model", "LinearRegression", "-o", png, NULL };
    const char *bad_param[] = { "regions", "sample:moons", "--x", "x1", "--y", "x2", "--target", "label",
                                "-p", "C", "-o", png, NULL };
    const char *no_target[] = { "regions", "sample:moons", "--x", "x1", "--y", "x2", "-o", png, NULL };
    const struct { const char * const *args; int status; const char *mentions; } cases[] = {
      { not_tree, 1, "LogisticRegression" },
      { regressor, 1, "LinearRegression" },
      { bad_param, 1, "NAME=VALUE" },
      { no_target, 2, "--target" },
    };
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_auto (Run) r = plot (cases[i].args);
        g_assert_cmpint (r.status, ==, cases[i].status);
        g_assert_nonnull (strstr (r.err, cases[i].mentions));
      }
    g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  }
  g_unlink (tree);
  g_unlink (linear);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/learnbench/app/cli-plot/samples", test_samples);
  g_test_add_func ("/learnbench/app/cli-plot/housing", test_housing);
  g_test_add_func ("/learnbench/app/cli-plot/images", test_images);
  g_test_add_func ("/learnbench/app/cli-plot/usage-errors", test_usage_errors);
  g_test_add_func ("/learnbench/app/cli-plot/failures", test_failures);
  g_test_add_func ("/learnbench/app/cli-plot/model-kinds", test_model_kinds);

  return g_test_run ();
}
