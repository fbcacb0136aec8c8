/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-samples.c: the data sets offered under "Samples" and as "sample:ID": the
 * generators with the sizes the book uses, Fashion-MNIST from the Debian
 * package, and California housing once it has been downloaded.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-csv-reader.h"
#include "lb-data-error.h"
#include "lb-generators.h"
#include "lb-housing.h"
#include "lb-idx-reader.h"
#include "lb-samples-private.h"

/* every sample is generated from this seed (the book's random_state=42) */
#define LB_SAMPLE_SEED 42

static const LbSampleInfo samples[] = {
  { "california-housing", N_("California housing"),
    N_("20,640 districts of the 1990 census: the book's end-to-end project (downloaded once)") },
  { "fashion-mnist", N_("Fashion-MNIST"),
    N_("10,000 clothing images of 28 × 28 pixels in 10 classes (the first training images)") },
  { "iris", N_("Iris"),
    N_("150 iris flowers, 4 measurements in cm, 3 species (Fisher 1936): trees and SVMs") },
  { "moons", N_("Moons"),
    N_("500 points in two interleaving half circles, noise 0.15: two classes") },
  { "circles", N_("Circles"),
    N_("500 points on two concentric circles, noise 0.05, factor 0.5: two classes") },
  { "blobs", N_("Blobs"),
    N_("500 points around 3 random centres, standard deviation 1: clusters") },
  { "linear", N_("Linear data"),
    N_("100 points of y = 4 + 3x + Gaussian noise (chapter 4)") },
  { "quadratic", N_("Quadratic data"),
    N_("100 points of y = 0.5x² + x + 2 + Gaussian noise (chapter 4)") },
  { "swiss-roll", N_("Swiss roll"),
    N_("1,000 points on a rolled-up sheet in 3-D, noise 0.2 (chapter 8)") },
};

const LbSampleInfo *
lb_samples_list (guint *n_samples)
{
  if (n_samples != NULL)
    *n_samples = G_N_ELEMENTS (samples);
  return samples;
}

static LbTable *
load_housing (GCancellable  *cancellable,
              GError       **error)
{
  g_autofree char *path = lb_housing_cache_path ();
  g_autoptr(LbTable) table = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_IO,
                   _("California housing has not been downloaded yet: download it first "
                     "(about 400 kB from the book's repository)"));
      return NULL;
    }
  table = lb_csv_read_file (path, NULL, NULL, NULL, cancellable, error);
  if (table == NULL)
    return NULL;
  return lb_table_with_source (table, "housing.csv");
}

LbTable *
lb_sample_load (const char    *id,
                GCancellable  *cancellable,
                GError       **error)
{
  LbTable *table = NULL;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (strcmp (id, "california-housing") == 0)
    return load_housing (cancellable, error);
  if (strcmp (id, "fashion-mnist") == 0)
    return lb_fashion_mnist_load (TRUE, 10000, NULL, NULL, cancellable, error);

  if (strcmp (id, "iris") == 0)
    {
      g_autoptr (GBytes) bytes = g_bytes_new_static (lb_iris_csv, strlen (lb_iris_csv));
      return lb_csv_read_bytes (bytes, "iris.csv", NULL, NULL, NULL, cancellable, error);
    }
  if (strcmp (id, "moons") == 0)
    table = lb_generate_moons (500, 0.15, LB_SAMPLE_SEED);
  else if (strcmp (id, "circles") == 0)
    table = lb_generate_circles (500, 0.05, 0.5, LB_SAMPLE_SEED);
  else if (strcmp (id, "blobs") == 0)
    table = lb_generate_blobs (500, 2, 3, 1.0, LB_SAMPLE_SEED);
  else if (strcmp (id, "linear") == 0)
    table = lb_generate_linear (100, LB_SAMPLE_SEED);
  else if (strcmp (id, "quadratic") == 0)
    table = lb_generate_quadratic (100, LB_SAMPLE_SEED);
  else if (strcmp (id, "swiss-roll") == 0)
    table = lb_generate_swiss_roll (1000, 0.2, LB_SAMPLE_SEED);
  else
    {
      g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_INVALID,
                   _("There is no sample data set called “%s”"), id);
      return NULL;
    }
  return table;
}
