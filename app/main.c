/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * main.c: the `learnbench` binary. With a sub-command (describe, plot, bench,
 * run, predict) it runs headless; otherwise it opens the workbench window.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <string.h>

#include "lb-blas.h"
#include "lb-cli.h"
#ifdef LB_HAVE_GUI
#include "lb-application.h"
#endif

typedef struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *summary;
} LbCommand;

static const LbCommand commands[] = {
  { "describe", lb_cli_describe, N_("Print info() and describe() of a data file") },
  { "plot",     lb_cli_plot,     N_("Draw a chart of a data file into PNG, SVG or PDF") },
  { "bench",    lb_cli_bench,    N_("Measure Learnbench (load, describe, plots)") },
  { "run",      lb_cli_run,      N_("Run a project file headless: fit, cross-validate, score") },
  { "predict",  lb_cli_predict,  N_("Predict with a saved model on a data file") },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n  learnbench [FILE | --sample NAME]\n", _("Usage:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  learnbench %-9s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “learnbench COMMAND --help” for the options of a command."));
}

/* glibc serves blocks over 128 KiB with fresh mmap()s and unmaps them on
 * free, raising that threshold (to at most 32 MiB, trimming above twice it)
 * only after the first such free. Start there: a fit's matrices and each
 * cross-validation fold's copies then reuse memory freed earlier (loading the
 * data frees plenty) instead of page-faulting in new zeroed pages every time. */
static void
setup_malloc (void)
{
#ifdef __GLIBC__
  mallopt (M_MMAP_THRESHOLD, 32 * 1024 * 1024);
  mallopt (M_TRIM_THRESHOLD, 64 * 1024 * 1024);
#endif
}

static void
setup_locale (void)
{
  const char *localedir = g_getenv ("LEARNBENCH_LOCALEDIR");
  const char *language = g_getenv ("LANGUAGE");

  /* gettext ignores LANGUAGE in the "C" locale, which is what a fresh
   * container runs with: `LANGUAGE=zh_CN learnbench` should still work, so
   * run in C.UTF-8 then (the same as C, but messages translate). Through the
   * environment, so that GLib's charset detection agrees. */
  setlocale (LC_ALL, "");
  if (language != NULL && *language != '\0')
    {
      const char *messages = setlocale (LC_MESSAGES, NULL);

      if (messages == NULL || strcmp (messages, "C") == 0 || strcmp (messages, "POSIX") == 0)
        {
          g_setenv ("LC_ALL", "C.UTF-8", TRUE);
          setlocale (LC_ALL, "");
        }
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
main (int    argc,
      char **argv)
{
  setup_malloc ();
  setup_locale ();
  /* before any thread starts: OpenBLAS's idle helpers would spin for 0.1 s */
  lb_blas_park_helper_threads ();

  if (argc >= 2)
    {
      if (strcmp (argv[1], "help") == 0 || strcmp (argv[1], "--help-commands") == 0)
        {
          print_usage (stdout);
          return 0;
        }
      for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
        if (strcmp (argv[1], commands[i].name) == 0)
          return commands[i].run (argc - 1, argv + 1);
      /* Not a command, not an option, not a sample, not a file: a typo
       * ("learnbench desribe x.csv") gets a usage error, not a window. */
      if (argv[1][0] != '-' && !g_str_has_prefix (argv[1], "sample:")
          && strstr (argv[1], "://") == NULL  /* a URI from a launcher */
          && !g_file_test (argv[1], G_FILE_TEST_EXISTS))
        {
          fprintf (stderr, _("Unknown command or file “%s”.\n"), argv[1]);
          print_usage (stderr);
          return 2;
        }
    }

#ifdef LB_HAVE_GUI
  {
    g_autoptr (GApplication) app = G_APPLICATION (lb_application_new ());
    return g_application_run (app, argc, argv);
  }
#else
  print_usage (stderr);
  return 2;
#endif
}
