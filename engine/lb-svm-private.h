/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-svm-private.h: what SVC/SVR and LinearSVC/LinearSVR share: the kernel
 * SVMs' common pspecs, gamma setter and describe_state, the linear SVMs'
 * intercept / max-iter pspecs and state arrays, and the SET_FIELD setter.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "lb-svm-model.h"

G_BEGIN_DECLS

/* In a set_property with `self`, `object`, `value` and `pspec` in scope. */
#define SET_FIELD(field, getter) \
  G_STMT_START { \
    if (self->field != getter (value)) \
      { \
        self->field = getter (value); \
        g_object_notify_by_pspec (object, pspec); \
      } \
  } G_STMT_END

/* Sets *@gamma from @value (NULL: the default), notifying on a change. */
void      lb_svm_set_gamma               (JsonNode **gamma, GObject *object, GParamSpec *pspec,
                                          const GValue *value);
/* Fills @props at these ids with the kernel SVMs' shared pspecs. */
void      lb_svm_kernel_pspecs           (GParamSpec **props, guint kernel, guint degree, guint gamma,
                                          guint coef0, guint shrinking, guint tol, guint cache_size,
                                          GParamFlags flags);
/* lb_svm_model_describe into a new object node; NULL when unfitted. */
JsonNode *lb_svm_model_describe_node     (const LbSvmModel *model);
/* The fitted support vectors / their training rows (NULL and 0 when unfitted). */
const double *lb_svm_model_get_sv        (const LbSvmModel *model, gsize *n_sv, guint *n_features);
const guint  *lb_svm_model_get_support   (const LbSvmModel *model, gsize *n_sv);
/* Fills @props with the fit-intercept, intercept-scaling and max-iter pspecs. */
void      lb_linear_svm_intercept_pspecs (GParamSpec **props, guint fit_intercept,
                                          guint intercept_scaling, guint max_iter, GParamFlags flags);
/* State member @name: exactly @n numbers, all finite. */
gboolean  lb_linear_svm_state_doubles    (JsonObject *obj, const char *name, double *out, gsize n,
                                          GError **error);

G_END_DECLS
