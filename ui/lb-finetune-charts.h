/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-finetune-charts.h: the Fine-tune page's charts, built from the results
 * it stores in the workbench ("search" and "final", see lb-finetune-page.c),
 * so that the page and the Present page's report draw the same pictures
 * from the same numbers, also after the project was saved and reopened.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "lb-plots.h"

G_BEGIN_DECLS

/* The charts, in the order the report shows them. */
#define LB_FINETUNE_CHART_IMPORTANCES "importances"
#define LB_FINETUNE_CHART_PREDICTION  "prediction"
#define LB_FINETUNE_CHART_RESIDUALS   "residuals"
#define LB_FINETUNE_CHART_CONFUSION   "confusion"
#define LB_FINETUNE_CHART_ERRORS      "errors"
#define LB_FINETUNE_CHART_THRESHOLD   "threshold"
#define LB_FINETUNE_CHART_PR          "pr"
#define LB_FINETUNE_CHART_ROC         "roc"

/* The chart names (NULL-terminated, static). */
const char * const *lb_finetune_chart_list (void);
/* The chart @which of @search / @final (either may be NULL) at @threshold
 * (the threshold chart's marker; NaN: the stored one). NULL with
 * LB_PLOTS_ERROR_NO_DATA when the results do not have it (a regression has
 * no ROC, a model without importances no bars). */
LbChart *lb_finetune_chart_build (JsonObject *search,
                                  JsonObject *final,
                                  const char *which,
                                  double      threshold,
                                  GError    **error);

/* Helpers shared with the page and the report: a JSON array of numbers as
 * doubles (null → NaN; g_free), and the reverse. */
double    *lb_json_array_dup_doubles (JsonArray    *array,
                                      gsize        *n);
JsonArray *lb_json_array_new_doubles (const double *values,
                                      gsize         n);
/* Parameters for people: "alpha = 0.1, prep.num.imputer.strategy = median"
 * (numbers with 6 significant digits, keys in the object's order); @model
 * (nullable): a search over the whole pipeline names the model's own
 * parameters "MODEL__alpha": that prefix is left out. */
char      *lb_finetune_format_params (JsonObject   *params,
                                      const char   *model);
/* A score for people: the positive error for neg_ scorers (the book prints
 * RMSE), else the value. */
double     lb_finetune_display_score (const char   *scoring,
                                      double        value);

G_END_DECLS
