/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-test-finetune.h: the fixture the Fine-tune and Present page tests share
 * (header-only, like lb-test-util.h): a workbench, the Fine-tune page in a
 * window, a scratch folder; the moons project (random test set, scaled
 * numbers, LogisticRegression and 7-NN, 3-fold stratified CV); waiting for a
 * page's signal; and lb_project_run on the project the workbench saves —
 * what `learnbench run` prints — to compare the pages' numbers with.
 */
#pragma once

#include <glib/gstdio.h>
#include <string.h>

#include "lb-finetune-page.h"
#include "lb-present-page.h"
#include "lb-project-run.h"
#include "lb-test-util.h"

typedef struct
{
  LbWorkbench    *wb;
  LbFinetunePage *page;
  LbPresentPage  *present;
  GtkWidget      *window;
  char           *dir;
  gboolean        done;
  gboolean        success;
} Fixture;

static G_GNUC_UNUSED JsonObject *
parse_object (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static G_GNUC_UNUSED JsonArray *
parse_array (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_array_ref (json_node_get_array (json_parser_get_root (parser)));
}

static G_GNUC_UNUSED void
remove_tree (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static G_GNUC_UNUSED void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->wb = lb_workbench_new ();
  f->dir = g_dir_make_tmp ("lb-finetune-XXXXXX", NULL);
}

static G_GNUC_UNUSED void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->present);
  g_clear_object (&f->wb);
  remove_tree (f->dir);
  g_free (f->dir);
}

static G_GNUC_UNUSED void
on_done (LbFinetunePage *page,
         gboolean        success,
         Fixture        *f)
{
  f->done = TRUE;
  f->success = success;
}

/* Spins until "signal" fires (the jobs run on the pool). */
static G_GNUC_UNUSED gboolean
wait_for (Fixture    *f,
          const char *signal)
{
  gulong id = g_signal_connect (f->page, signal, G_CALLBACK (on_done), f);
  gint64 end = g_get_monotonic_time () + 55 * G_USEC_PER_SEC;

  f->done = FALSE;
  while (!f->done && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (f->page, id);
  g_assert_true (f->done);
  return f->success;
}

static G_GNUC_UNUSED void
show_page (Fixture *f)
{
  f->page = LB_FINETUNE_PAGE (lb_finetune_page_new (f->wb));
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_present (GTK_WINDOW (f->window));
}

/* lb_project_run on the project the workbench saves now. */
static G_GNUC_UNUSED LbProjectResult *
run_saved (Fixture    *f,
           const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LbProject) project = NULL;
  LbProjectResult *result;

  g_assert_true (lb_workbench_save (f->wb, path, &error));
  g_assert_no_error (error);
  project = lb_project_load (path, &error);
  g_assert_no_error (error);
  result = lb_project_run (project, NULL, &error);
  g_assert_no_error (error);
  return result;
}

static G_GNUC_UNUSED LbProjectModelResult *
find_result (LbProjectResult *result,
             const char      *name)
{
  for (guint i = 0; i < result->models->len; i++)
    {
      LbProjectModelResult *m = g_ptr_array_index (result->models, i);

      if (strcmp (m->name, name) == 0)
        return m;
    }
  g_assert_not_reached ();
}

/* --- moons --- */

static G_GNUC_UNUSED void
set_up_moons (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LbTable) table = lb_sample_load ("moons", NULL, &error);
  g_autoptr (JsonObject) split = parse_object ("{\"kind\": \"random\", \"test_size\": 0.25}");
  g_autoptr (JsonObject) pipeline = parse_object (
    "{\"groups\": [{\"name\": \"num\", \"kind\": \"numeric\", \"steps\": ["
    " {\"name\": \"scaler\", \"estimator\": \"StandardScaler\"}]}], \"remainder\": \"drop\"}");
  g_autoptr (JsonArray) models = parse_array (
    "[{\"name\": \"logreg\", \"estimator\": \"LogisticRegression\", \"params\": {}},"
    " {\"name\": \"knn\", \"estimator\": \"KNeighborsClassifier\", \"params\": {\"n_neighbors\": 7}}]");
  g_autoptr (JsonObject) evaluation = parse_object (
    "{\"scoring\": \"accuracy\", \"cv\": {\"kind\": \"stratified_kfold\", \"n_splits\": 3}, \"prepare\": \"once\"}");

  g_assert_no_error (error);
  lb_workbench_set_data (f->wb, table, NULL, "moons");
  lb_workbench_set_target (f->wb, "label");
  g_assert_cmpint (lb_workbench_get_task (f->wb), ==, LB_TASK_BINARY);
  g_assert_true (lb_workbench_set_split (f->wb, split, &error));
  g_assert_no_error (error);
  lb_workbench_set_pipeline (f->wb, pipeline);
  lb_workbench_set_models (f->wb, models);
  lb_workbench_set_evaluation (f->wb, evaluation);
  show_page (f);
}
