/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-curve.c: LbCurve, the per-split scores of a learning / validation curve
 * and their numpy-style means and population stds along the splits.
 */
#include "config.h"

#include <math.h>

#include "lb-curve.h"
#include "lb-json-private.h"
#include "lb-cv-result.h"

struct _LbCurve
{
  gatomicrefcount ref_count;
  LbCurveKind     kind;
  char           *x_name;
  char           *scoring;
  guint           n_points;
  guint           n_splits;
  double         *x;
  char          **x_labels;     /* NULL or n_points + NULL */
  double         *train, *val, *fit;                     /* (n_points, n_splits) */
  double         *train_mean, *train_std, *val_mean, *val_std;
  LbFailedFits    failures;
};

G_DEFINE_BOXED_TYPE (LbCurve, lb_curve, lb_curve_ref, lb_curve_unref)

LbCurve *
lb_curve_new (LbCurveKind         kind,
              const char         *x_name,
              const char         *scoring,
              guint               n_points,
              guint               n_splits,
              const double       *x,
              const char * const *x_labels,
              const double       *train_scores,
              const double       *val_scores,
              const double       *fit_seconds)
{
  LbCurve *curve;
  gsize n = (gsize) n_points * n_splits;

  g_return_val_if_fail (x != NULL || n_points == 0, NULL);
  g_return_val_if_fail ((train_scores != NULL && val_scores != NULL) || n == 0, NULL);
  g_return_val_if_fail (n_splits > 0, NULL);

  curve = g_new0 (LbCurve, 1);
  g_atomic_ref_count_init (&curve->ref_count);
  curve->kind = kind;
  curve->x_name = g_strdup (x_name != NULL ? x_name : "");
  curve->scoring = g_strdup (scoring != NULL ? scoring : "");
  curve->n_points = n_points;
  curve->n_splits = n_splits;
  curve->x = g_memdup2 (x, MAX (n_points, 1) * sizeof (double));
  if (x_labels != NULL)
    {
      curve->x_labels = g_new0 (char *, n_points + 1);
      for (guint i = 0; i < n_points; i++)
        curve->x_labels[i] = g_strdup (x_labels[i]);
    }
  curve->train = g_memdup2 (train_scores, MAX (n, 1) * sizeof (double));
  curve->val = g_memdup2 (val_scores, MAX (n, 1) * sizeof (double));
  curve->fit = fit_seconds != NULL ? g_memdup2 (fit_seconds, MAX (n, 1) * sizeof (double))
                                   : g_new0 (double, MAX (n, 1));
  lb_summarise_rows (curve->train, n_points, n_splits, &curve->train_mean, &curve->train_std);
  lb_summarise_rows (curve->val, n_points, n_splits, &curve->val_mean, &curve->val_std);
  return curve;
}

LbCurve *
lb_curve_ref (LbCurve *curve)
{
  g_return_val_if_fail (curve != NULL, NULL);

  g_atomic_ref_count_inc (&curve->ref_count);
  return curve;
}

void
lb_curve_unref (LbCurve *curve)
{
  g_return_if_fail (curve != NULL);

  if (!g_atomic_ref_count_dec (&curve->ref_count))
    return;
  g_free (curve->x_name);
  g_free (curve->scoring);
  g_free (curve->x);
  g_strfreev (curve->x_labels);
  g_free (curve->train);
  g_free (curve->val);
  g_free (curve->fit);
  g_free (curve->train_mean);
  g_free (curve->train_std);
  g_free (curve->val_mean);
  g_free (curve->val_std);
  g_free (curve->failures.warning);
  g_free (curve);
}

LbCurveKind
lb_curve_get_kind (const LbCurve *curve)
{
  g_return_val_if_fail (curve != NULL, LB_CURVE_LEARNING);
  return curve->kind;
}

const char *
lb_curve_get_x_name (const LbCurve *curve)
{
  g_return_val_if_fail (curve != NULL, NULL);
  return curve->x_name;
}

const char *
lb_curve_get_scoring (const LbCurve *curve)
{
  g_return_val_if_fail (curve != NULL, NULL);
  return curve->scoring;
}

guint
lb_curve_get_n_points (const LbCurve *curve)
{
  g_return_val_if_fail (curve != NULL, 0);
  return curve->n_points;
}

guint
lb_curve_get_n_splits (const LbCurve *curve)
{
  g_return_val_if_fail (curve != NULL, 0);
  return curve->n_splits;
}

const double *
lb_curve_get_x (const LbCurve *curve)
{
  g_return_val_if_fail (curve != NULL, NULL);
  return curve->x;
}

const double *
lb_curve_get_train_mean (const LbCurve *curve)
{
  g_return_val_if_fail (curve != NULL, NULL);
  return curve->train_mean;
}

const double *
lb_curve_get_train_std (const LbCurve *curve)
{
  g_return_val_if_fail (curve != NULL, NULL);
  return curve->train_std;
}

const double *
lb_curve_get_val_mean (const LbCurve *curve)
{
  g_return_val_if_fail (curve != NULL, NULL);
  return curve->val_mean;
}

const double *
lb_curve_get_val_std (const LbCurve *curve)
{
  g_return_val_if_fail (curve != NULL, NULL);
  return curve->val_std;
}

const char *
lb_curve_get_x_label (const LbCurve *curve,
                      guint          point)
{
  g_return_val_if_fail (curve != NULL && point < curve->n_points, NULL);
  return curve->x_labels != NULL ? curve->x_labels[point] : NULL;
}

double
lb_curve_get_train_score (const LbCurve *curve,
                          guint          point,
                          guint          split)
{
  g_return_val_if_fail (curve != NULL && point < curve->n_points && split < curve->n_splits, NAN);
  return curve->train[(gsize) point * curve->n_splits + split];
}

double
lb_curve_get_val_score (const LbCurve *curve,
                        guint          point,
                        guint          split)
{
  g_return_val_if_fail (curve != NULL && point < curve->n_points && split < curve->n_splits, NAN);
  return curve->val[(gsize) point * curve->n_splits + split];
}

double
lb_curve_get_fit_seconds (const LbCurve *curve,
                          guint          point,
                          guint          split)
{
  g_return_val_if_fail (curve != NULL && point < curve->n_points && split < curve->n_splits, NAN);
  return curve->fit[(gsize) point * curve->n_splits + split];
}

guint
lb_curve_get_n_failed (const LbCurve *curve)
{
  g_return_val_if_fail (curve != NULL, 0);
  return curve->failures.n_failed;
}

const char *
lb_curve_get_warning (const LbCurve *curve)
{
  g_return_val_if_fail (curve != NULL, NULL);
  return curve->failures.warning;
}

void
lb_curve_set_failures (LbCurve    *curve,
                       guint       n_failed,
                       const char *warning)
{
  g_return_if_fail (curve != NULL);

  lb_failed_fits_set (&curve->failures, n_failed, warning);
}

/* --- JSON --- */

JsonNode *
lb_curve_to_json (const LbCurve *curve)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (curve != NULL, NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (b, curve->kind == LB_CURVE_LEARNING ? "learning" : "validation");
  json_builder_set_member_name (b, "x_name");
  json_builder_add_string_value (b, curve->x_name);
  json_builder_set_member_name (b, "scoring");
  json_builder_add_string_value (b, curve->scoring);
  lb_json_add_vector (b, "x", curve->x, curve->n_points, 1);
  if (curve->x_labels != NULL)
    {
      json_builder_set_member_name (b, "x_labels");
      json_builder_begin_array (b);
      for (guint i = 0; i < curve->n_points; i++)
        json_builder_add_string_value (b, curve->x_labels[i]);
      json_builder_end_array (b);
    }
  lb_json_add_vector (b, "train_mean", curve->train_mean, curve->n_points, 1);
  lb_json_add_vector (b, "train_std", curve->train_std, curve->n_points, 1);
  lb_json_add_vector (b, "val_mean", curve->val_mean, curve->n_points, 1);
  lb_json_add_vector (b, "val_std", curve->val_std, curve->n_points, 1);
  lb_json_add_rows (b, "train_scores", curve->train, curve->n_points, curve->n_splits);
  lb_json_add_rows (b, "val_scores", curve->val, curve->n_points, curve->n_splits);
  lb_json_add_failed_fits (b, &curve->failures);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
