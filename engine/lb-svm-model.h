/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-svm-model.h: LbSvmModel, a fitted kernel SVM in libsvm's layout — the
 * support vectors grouped by class, sv_coef ((k−1) × n_sv: for the pair
 * (i, j) class i's vectors use row j−1 and class j's row i), one rho per
 * pair — shared by SVC (k classes, k(k−1)/2 pairs) and SVR (one "pair" over
 * every vector). Computes libsvm's decision values in blocks (one dgemm per
 * block) and reads / writes itself as model-file state, checking every length.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "lb-svm-kernel.h"

G_BEGIN_DECLS

typedef struct
{
  LbSvmKernel kernel;
  gboolean    regression;   /* SVR: one decision over every vector */
  guint       n_classes;    /* SVC: k >= 2; SVR: 2 */
  guint       n_features;
  gsize       n_sv;
  double     *sv;           /* (n_sv, n_features) */
  double     *sv_sq;        /* (n_sv) ‖sv‖² */
  guint      *support;      /* (n_sv) training-row indices */
  guint      *n_support;    /* (n_classes) SVC only, NULL for SVR */
  double     *sv_coef;      /* (n_classes − 1, n_sv) */
  double     *rho;          /* (n_pairs) */
  double     *prob_a;       /* (n_pairs) Platt's A, or NULL */
  double     *prob_b;
} LbSvmModel;

guint       lb_svm_model_n_pairs   (const LbSvmModel *model);
void        lb_svm_model_free      (LbSvmModel *model);
/* libsvm's decision values (n, n_pairs) of X's rows (n, n_features):
 * Σ coef K(sv, x) − rho, positive for the first class of each pair. */
void        lb_svm_model_decision  (const LbSvmModel *model,
                                    const double     *X,
                                    gsize             n,
                                    double           *out);
/* libsvm's vote of each pair; the class index per row. */
void        lb_svm_model_vote      (const LbSvmModel *model,
                                    const double     *dec,
                                    gsize             n,
                                    double           *out);
/* coef_ of a linear kernel (n_pairs, n_features) in libsvm's sign. */
double     *lb_svm_model_linear_coef (const LbSvmModel *model);

JsonNode   *lb_svm_model_save      (const LbSvmModel *model);
/* Expects @n_features and (SVC) @n_classes; any mismatch is
 * LB_ENGINE_ERROR_FILE. The kernel type/degree/coef0 come from the node. */
LbSvmModel *lb_svm_model_load      (JsonNode   *node,
                                    gboolean    regression,
                                    guint       n_classes,
                                    guint       n_features,
                                    GError    **error);
/* support_, support_vectors_, n_support_, dual_coef_, intercept_, (coef_)
 * with scikit-learn's signs (binary SVC flips libsvm's), added to @obj. */
void        lb_svm_model_describe  (const LbSvmModel *model,
                                    JsonObject       *obj);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbSvmModel, lb_svm_model_free)

G_END_DECLS
