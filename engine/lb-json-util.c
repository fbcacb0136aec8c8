/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-json-util.c: the JsonBuilder helpers, the failed-fit record and the
 * row summaries of lb-json-private.h.
 */
#include "config.h"

#include <math.h>

#include "lb-cv-result.h"
#include "lb-json-private.h"

void
lb_json_add_number (JsonBuilder *b,
                    double       v)
{
  if (isfinite (v))
    json_builder_add_double_value (b, v);
  else
    json_builder_add_null_value (b);
}

void
lb_json_add_vector (JsonBuilder  *b,
                    const char   *name,
                    const double *v,
                    guint         n,
                    guint         stride)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    lb_json_add_number (b, v[(gsize) i * stride]);
  json_builder_end_array (b);
}

void
lb_json_add_rows (JsonBuilder  *b,
                  const char   *name,
                  const double *m,
                  guint         rows,
                  guint         cols)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint r = 0; r < rows; r++)
    {
      json_builder_begin_array (b);
      for (guint c = 0; c < cols; c++)
        lb_json_add_number (b, m[(gsize) r * cols + c]);
      json_builder_end_array (b);
    }
  json_builder_end_array (b);
}

void
lb_failed_fits_set (LbFailedFits *failures,
                 guint       n_failed,
                 const char *warning)
{
  failures->n_failed = n_failed;
  g_free (failures->warning);
  failures->warning = g_strdup (warning);
}

void
lb_json_add_failed_fits (JsonBuilder        *b,
                         const LbFailedFits *failures)
{
  if (failures->n_failed == 0)
    return;
  json_builder_set_member_name (b, "n_failed");
  json_builder_add_int_value (b, failures->n_failed);
  json_builder_set_member_name (b, "warning");
  json_builder_add_string_value (b, failures->warning != NULL ? failures->warning : "");
}

void
lb_summarise_rows (const double *m,
                   guint         rows,
                   guint         cols,
                   double      **mean,
                   double      **std)
{
  *mean = g_new (double, MAX (rows, 1));
  *std = g_new (double, MAX (rows, 1));
  for (guint r = 0; r < rows; r++)
    {
      (*mean)[r] = m != NULL ? lb_mean (m + (gsize) r * cols, cols) : NAN;
      (*std)[r] = m != NULL ? lb_std_population (m + (gsize) r * cols, cols) : NAN;
    }
}
