/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-test-util.h: small helpers every test executable shares: where the book's
 * data sets are (LEARNBENCH_TEST_DATA, default ../shared/datasets beside the
 * source tree) and where our own fixtures live. Tests that need a missing data
 * set skip with a message saying what is missing.
 */
#pragma once

#include "config.h"

#include <glib.h>

/* The book's data directory, or NULL when it does not exist. */
static inline char *
lb_test_data_dir (void)
{
  const char *env = g_getenv ("LEARNBENCH_TEST_DATA");
  g_autofree char *dir = env != NULL && *env != '\0'
                           ? g_strdup (env)
                           : g_build_filename (LB_SOURCE_DIR, "..", "shared", "datasets", NULL);

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    return NULL;
  return g_steal_pointer (&dir);
}

/* A file under the book's data directory ("housing/housing.csv"), or NULL after
 * marking the current test skipped with a clear message. */
static inline char *
lb_test_data_file (const char *relative)
{
  g_autofree char *dir = lb_test_data_dir ();
  g_autofree char *path = NULL;

  if (dir == NULL)
    {
      g_test_skip ("the book's data sets are absent: set LEARNBENCH_TEST_DATA "
                   "(default ../shared/datasets beside the source tree)");
      return NULL;
    }
  path = g_build_filename (dir, relative, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *msg = g_strdup_printf ("%s is absent: skipping", path);
      g_test_skip (msg);
      return NULL;
    }
  return g_steal_pointer (&path);
}

/* The shared reference directory (../shared/reference), or NULL after skipping. */
static inline char *
lb_test_reference_file (const char *relative)
{
  g_autofree char *dir = lb_test_data_dir ();
  g_autofree char *path = NULL;

  if (dir == NULL)
    {
      g_test_skip ("the shared reference data is absent: set LEARNBENCH_TEST_DATA");
      return NULL;
    }
  path = g_build_filename (dir, "..", "reference", relative, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *msg = g_strdup_printf ("%s is absent: skipping", path);
      g_test_skip (msg);
      return NULL;
    }
  return g_steal_pointer (&path);
}

/* One of our own fixtures, tests/data/fixtures/NAME (always present). */
static inline char *
lb_test_fixture (const char *name)
{
  return g_build_filename (LB_SOURCE_DIR, "tests", "data", "fixtures", name, NULL);
}
