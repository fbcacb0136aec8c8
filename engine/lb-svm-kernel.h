/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-svm-kernel.h: the kernels of SVC / SVR (libsvm's linear, poly, rbf,
 * sigmoid) and their evaluation in blocks: K(A, B) for many rows at once
 * through one dgemm (rbf as exp(-γ(‖a‖² + ‖b‖² − 2a·b)), as libsvm computes
 * it), which is what makes kernel rows and predictions fast. Also the gamma
 * hyper-parameter ("scale", "auto" or a number) shared by SVC and SVR.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  LB_SVM_KERNEL_LINEAR,   /* "linear": a·b */
  LB_SVM_KERNEL_POLY,     /* "poly": (γ a·b + coef0)^degree */
  LB_SVM_KERNEL_RBF,      /* "rbf": exp(−γ‖a − b‖²) */
  LB_SVM_KERNEL_SIGMOID,  /* "sigmoid": tanh(γ a·b + coef0) */
} LbSvmKernelType;

#define LB_TYPE_SVM_KERNEL_TYPE (lb_svm_kernel_type_get_type ())
GType lb_svm_kernel_type_get_type (void) G_GNUC_CONST;

typedef struct
{
  LbSvmKernelType type;
  int             degree;
  double          gamma;   /* resolved (a number > 0) */
  double          coef0;
} LbSvmKernel;

/* libsvm's powi: @base to the power @times by repeated squaring. */
double   lb_svm_powi            (double base,
                                 int    times);
/* ‖row‖² of each of the @n rows of @A (n, p). */
void     lb_svm_row_norms       (const double *A,
                                 gsize         n,
                                 gsize         p,
                                 double       *out);
/* @out (na, nb) = K(A_i, B_j); @a_sq / @b_sq: the rows' squared norms
 * (used by rbf only; may be NULL for the other kernels). */
void     lb_svm_kernel_matrix   (const LbSvmKernel *kernel,
                                 const double      *A,
                                 const double      *a_sq,
                                 gsize              na,
                                 const double      *B,
                                 const double      *b_sq,
                                 gsize              nb,
                                 gsize              p,
                                 double            *out);
/* Applies the kernel's function to @n dot products @dot (in place); for rbf
 * @sq_a is ‖a‖² of the one row and @sq_b the ‖b‖² of each. */
void     lb_svm_kernel_apply    (const LbSvmKernel *kernel,
                                 double            *dot,
                                 gsize              n,
                                 double             sq_a,
                                 const double      *sq_b);

/* --- the gamma hyper-parameter: "scale", "auto" or a number > 0 --- */
/* A new node for the default, "scale". */
JsonNode *lb_svm_gamma_default  (void);
/* FALSE (LB_ENGINE_ERROR_INVALID_PARAM naming gamma) unless @gamma is
 * "scale", "auto" or a finite number > 0. */
gboolean  lb_svm_gamma_check    (JsonNode     *gamma,
                                 GError      **error);
/* The value for the data @X (n, p): scale = 1 / (p · Var(X)) (1 when X is
 * constant), auto = 1 / p, else the number. */
double    lb_svm_gamma_resolve  (JsonNode     *gamma,
                                 const double *X,
                                 gsize         n,
                                 gsize         p);

G_END_DECLS
