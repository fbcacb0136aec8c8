/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-engine-error.h: the GError domain of engine/: bad hyper-parameters, bad
 * data for a model, singular systems, unfitted models, corrupt model files.
 * Messages are sentences a learner can act on and name the parameter/column.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LB_ENGINE_ERROR (lb_engine_error_quark ())

typedef enum
{
  LB_ENGINE_ERROR_INVALID_PARAM,  /* "alpha must be >= 0 (got -1)" */
  LB_ENGINE_ERROR_INVALID_DATA,   /* NaN in X, one class only, shape mismatch, text column */
  LB_ENGINE_ERROR_SINGULAR,       /* singular / not positive definite matrix */
  LB_ENGINE_ERROR_NOT_FITTED,     /* predict before fit */
  LB_ENGINE_ERROR_NOT_SUPPORTED,  /* predict_proba on a model without it */
  LB_ENGINE_ERROR_CONVERGENCE,    /* did not converge (only where fatal; else a warning event) */
  LB_ENGINE_ERROR_FILE,           /* corrupt, hostile or unsupported model / project file */
  LB_ENGINE_ERROR_TOO_LARGE,      /* allocation refused */
  LB_ENGINE_ERROR_UNKNOWN,        /* unknown estimator name, unknown key */
} LbEngineError;

GQuark lb_engine_error_quark (void);

G_END_DECLS
