/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-present-page.c: the Present page under Xvfb on the moons sample
 * carried through the Fine-tune page (search, final evaluation): the
 * preview's sections, the HTML report (one file, the plots as PNG data
 * URIs, its numbers exactly lb_project_run's on the saved project — what
 * `learnbench run` prints), the PDF (paged), the export job, and the
 * report of an empty workbench.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "lb-finetune-page.h"
#include "lb-present-page.h"
#include "lb-project-run.h"
#include "lb-shortlist-page.h"
#include "lb-test-util.h"

#include "lb-test-finetune.h"

/* The number a report holds in data-value of the element with @id. */
static double
report_number (const char *html,
               const char *id)
{
  g_autofree char *key = g_strdup_printf ("id=\"%s\" data-value=\"", id);
  const char *at = strstr (html, key);

  if (at == NULL)
    return NAN;
  return g_ascii_strtod (at + strlen (key), NULL);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
searched_and_evaluated (Fixture *f)
{
  g_autoptr (GError) error = NULL;

  set_up_moons (f);
  g_assert_true (lb_finetune_page_set_model (f->page, "logreg"));
  g_assert_true (lb_finetune_page_add_parameter (f->page, "C", "0.01, 1, 100", &error));
  g_assert_true (lb_finetune_page_run_search (f->page, &error));
  g_assert_no_error (error);
  g_assert_true (wait_for (f, "search-done"));
  g_assert_true (lb_finetune_page_evaluate (f->page, TRUE, &error));
  g_assert_true (wait_for (f, "evaluation-done"));
  f->present = LB_PRESENT_PAGE (lb_present_page_new (f->wb));
  g_object_ref_sink (f->present);
}

static void
on_run_done (GtkWidget *page,
             gboolean   success,
             Fixture   *f)
{
  f->done = TRUE;
  f->success = success;
}

/* The whole flow with the real Shortlist page: its CV results must survive
 * the final evaluation (unsealing, "evaluation.test") and reach the report
 * with lb_project_run's numbers. */
static void
test_with_shortlist (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *html = NULL;
  g_autoptr (LbProjectResult) result = NULL;
  GtkWidget *shortlist;
  gint64 end;

  set_up_moons (f);
  shortlist = g_object_ref_sink (lb_shortlist_page_new (f->wb));
  g_signal_connect (shortlist, "run-done", G_CALLBACK (on_run_done), f);
  f->done = FALSE;
  g_assert_true (lb_shortlist_page_run (LB_SHORTLIST_PAGE (shortlist), &error));
  g_assert_no_error (error);
  end = g_get_monotonic_time () + 50 * G_USEC_PER_SEC;
  while (!f->done && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (f->done && f->success);
  g_assert_nonnull (lb_workbench_get_result (f->wb, "shortlist"));

  g_assert_true (lb_finetune_page_set_model (f->page, "logreg"));
  g_assert_true (lb_finetune_page_add_parameter (f->page, "C", "0.1, 10", &error));
  g_assert_true (lb_finetune_page_run_search (f->page, &error));
  g_assert_true (wait_for (f, "search-done"));
  g_assert_true (lb_finetune_page_evaluate (f->page, TRUE, &error));
  g_assert_true (wait_for (f, "evaluation-done"));
  g_assert_nonnull (lb_workbench_get_result (f->wb, "shortlist"));

  f->present = LB_PRESENT_PAGE (g_object_ref_sink (lb_present_page_new (f->wb)));
  path = g_build_filename (f->dir, "flow.html", NULL);
  g_assert_true (lb_present_page_export_html (f->present, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &html, NULL, &error));
  g_assert_cmpuint (count (html, "<img "), >=, 7);   /* the fold scores too */
  result = run_saved (f, "flow.json");
  g_assert_cmpfloat (report_number (html, "cv-mean-knn"), ==, find_result (result, "knn")->cv_mean);
  g_assert_cmpfloat (report_number (html, "best-score"), ==, find_result (result, "logreg")->best_score);
  g_assert_cmpfloat (report_number (html, "test-score"), ==, find_result (result, "logreg")->test_score);
  g_object_unref (shortlist);
}

static void
test_html (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *html = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LbProjectResult) result = NULL;
  g_auto (GStrv) sections = NULL;
  LbProjectModelResult *m;

  searched_and_evaluated (f);
  sections = lb_present_page_dup_sections (f->present);
  g_assert_cmpuint (g_strv_length (sections), ==, 7);
  path = g_build_filename (f->dir, "report.html", NULL);
  g_assert_true (lb_present_page_export_html (f->present, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &html, NULL, &error));
  /* one file: every plot embedded, no external reference */
  g_assert_cmpuint (count (html, "<img "), >=, 6);   /* confusion, errors, threshold, PR, ROC, coefficients */
  g_assert_cmpuint (count (html, "<img "), ==, count (html, "src=\"data:image/png;base64,"));
  g_assert_null (strstr (html, "http://"));
  g_assert_null (strstr (html, "<link"));
  for (guint i = 0; sections[i] != NULL; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (sections[i], -1);

      g_assert_nonnull (strstr (html, escaped));
    }
  g_assert_nonnull (strstr (html, "final evaluation of logreg"));   /* the seal log */

  /* the numbers: what lb_project_run gives for the saved project */
  result = run_saved (f, "present.json");
  m = find_result (result, "logreg");
  g_assert_cmpfloat (report_number (html, "best-score"), ==, m->best_score);
  g_assert_cmpfloat (report_number (html, "test-score"), ==, m->test_score);
}

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *pdf = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;

  searched_and_evaluated (f);
  path = g_build_filename (f->dir, "report.pdf", NULL);
  g_assert_true (lb_present_page_export_pdf (f->present, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &pdf, &length, &error));
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  /* paged: the text and six plots do not fit on one A4 page */
  {
    guint pages = 0;

    /* binary streams hold NULs: search the bytes ("/Type /Pages" is the tree) */
    for (gsize i = 0; i + 12 <= length; i++)
      if (memcmp (pdf + i, "/Type /Page", 11) == 0 && pdf[i + 11] != 's')
        pages++;
    g_assert_cmpuint (pages, >=, 3);
  }
}

static void
on_export_done (LbPresentPage *page,
                gboolean       success,
                Fixture       *f)
{
  f->done = TRUE;
  f->success = success;
}

/* Save report… runs as a job; a folder that does not exist is an error in the banner. */
static void
test_export_job (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *bad = NULL;
  gint64 end;

  searched_and_evaluated (f);
  g_signal_connect (f->present, "export-done", G_CALLBACK (on_export_done), f);
  path = g_build_filename (f->dir, "job.html", NULL);
  f->done = FALSE;
  lb_present_page_export_async (f->present, path);
  end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (!f->done && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (f->done && f->success);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_null (lb_present_page_get_error (f->present));

  bad = g_build_filename (f->dir, "missing", "folder", "r.html", NULL);
  f->done = FALSE;
  lb_present_page_export_async (f->present, bad);
  end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (!f->done && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (f->done);
  g_assert_false (f->success);
  g_assert_nonnull (lb_present_page_get_error (f->present));
}

/* An empty workbench still makes a report that says what is missing. */
static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "empty.html", NULL);
  g_autofree char *html = NULL;
  g_autoptr (GError) error = NULL;

  f->present = LB_PRESENT_PAGE (lb_present_page_new (f->wb));
  g_object_ref_sink (f->present);
  g_assert_true (lb_present_page_export_html (f->present, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &html, NULL, NULL));
  g_assert_null (strstr (html, "<img"));
  g_assert_null (strstr (html, "data-value"));
}

static void
test_no_display (void)
{
  g_test_skip ("no display: run the ui suite under xvfb-run");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_add_func ("/learnbench/ui/PresentPage/no-display", test_no_display);
      return g_test_run ();
    }
  lb_estimators_register_builtin ();

#define ADD(path, func) \
  g_test_add ("/learnbench/ui/PresentPage/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("html", test_html);
  ADD ("pdf", test_pdf);
  ADD ("export-job", test_export_job);
  ADD ("empty", test_empty);
  ADD ("with-shortlist", test_with_shortlist);
#undef ADD
  return g_test_run ();
}
