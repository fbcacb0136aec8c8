/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-curve.h: LbCurve, a learning or validation curve: for each x (training
 * set size, or a hyper-parameter value) the training and validation scores of
 * every split, with their means and population stds (numpy's, ddof = 0) — the
 * two bands the book plots. Immutable and refcounted once returned.
 * LbCurvePoint is what the per-point callback sees while the curve is built.
 */
#pragma once

#include <json-glib/json-glib.h>

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  LB_CURVE_LEARNING,     /* x = number of training rows */
  LB_CURVE_VALIDATION,   /* x = a hyper-parameter's value */
} LbCurveKind;

/* One finished point (all splits), passed to an LbCurvePointFunc. */
typedef struct
{
  guint       index;
  guint       n_points;
  double      x;
  const char *x_label;       /* the value as text (validation curves), else NULL */
  double      train_mean;
  double      train_std;
  double      val_mean;
  double      val_std;
  guint       n_done;        /* points finished so far, this one included */
} LbCurvePoint;

/* Called on the fitting thread that finished the point (never two at once). */
typedef void (*LbCurvePointFunc) (const LbCurvePoint *point,
                                  gpointer            user_data);

typedef struct _LbCurve LbCurve;

#define LB_TYPE_CURVE (lb_curve_get_type ())
GType         lb_curve_get_type          (void) G_GNUC_CONST;

/* Scores are row-major (n_points, n_splits), copied. @x_labels NULL or
 * n_points strings (copied); @fit_seconds may be NULL. @x_name: "train_size"
 * or the parameter's name. */
LbCurve      *lb_curve_new               (LbCurveKind   kind,
                                          const char   *x_name,
                                          const char   *scoring,
                                          guint         n_points,
                                          guint         n_splits,
                                          const double *x,
                                          const char * const *x_labels,
                                          const double *train_scores,
                                          const double *val_scores,
                                          const double *fit_seconds);
LbCurve      *lb_curve_ref               (LbCurve      *curve);
void          lb_curve_unref             (LbCurve      *curve);

LbCurveKind   lb_curve_get_kind          (const LbCurve *curve);
const char   *lb_curve_get_x_name        (const LbCurve *curve);
const char   *lb_curve_get_scoring       (const LbCurve *curve);
guint         lb_curve_get_n_points      (const LbCurve *curve);
guint         lb_curve_get_n_splits      (const LbCurve *curve);
/* n_points values each (borrowed). */
const double *lb_curve_get_x             (const LbCurve *curve);
const double *lb_curve_get_train_mean    (const LbCurve *curve);
const double *lb_curve_get_train_std     (const LbCurve *curve);
const double *lb_curve_get_val_mean      (const LbCurve *curve);
const double *lb_curve_get_val_std       (const LbCurve *curve);
/* NULL when the x values are plain numbers. */
const char   *lb_curve_get_x_label       (const LbCurve *curve,
                                          guint         point);
double        lb_curve_get_train_score   (const LbCurve *curve,
                                          guint         point,
                                          guint         split);
double        lb_curve_get_val_score     (const LbCurve *curve,
                                          guint         point,
                                          guint         split);
double        lb_curve_get_fit_seconds   (const LbCurve *curve,
                                          guint         point,
                                          guint         split);

/* Fits that failed (NaN scores, as scikit-learn's error_score=nan): how many
 * and the first one's message (NULL when none). Setter: before sharing. */
guint         lb_curve_get_n_failed      (const LbCurve *curve);
const char   *lb_curve_get_warning       (const LbCurve *curve);
void          lb_curve_set_failures      (LbCurve      *curve,
                                          guint         n_failed,
                                          const char   *warning);

/* {"kind": "learning"|"validation", "x_name", "scoring", "x": [...],
 *  ("x_labels": [...]), "train_mean", "train_std", "val_mean", "val_std",
 *  "train_scores": [[...] per point], "val_scores": [[...]]}; NaN → null. */
JsonNode     *lb_curve_to_json           (const LbCurve *curve);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbCurve, lb_curve_unref)

G_END_DECLS
