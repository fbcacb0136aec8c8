/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-finetune-charts.c: the Fine-tune charts from the stored results: feature
 * importances (or the coefficients, labelled as such), predicted vs actual
 * and residuals, the confusion matrix and the book's error view, precision
 * and recall versus the threshold, the PR curve and the ROC curves. Pure
 * JSON → LbChart, so the page and the report share them.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lb-finetune-charts.h"
#include "lb-metrics.h"

static const char * const chart_names[] = {
  LB_FINETUNE_CHART_IMPORTANCES, LB_FINETUNE_CHART_PREDICTION, LB_FINETUNE_CHART_RESIDUALS,
  LB_FINETUNE_CHART_CONFUSION, LB_FINETUNE_CHART_ERRORS, LB_FINETUNE_CHART_THRESHOLD,
  LB_FINETUNE_CHART_PR, LB_FINETUNE_CHART_ROC, NULL,
};

const char * const *
lb_finetune_chart_list (void)
{
  return chart_names;
}

double *
lb_json_array_dup_doubles (JsonArray *array,
                           gsize     *n)
{
  gsize len = array != NULL ? json_array_get_length (array) : 0;
  double *values = g_new (double, MAX (len, 1));

  for (gsize i = 0; i < len; i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      values[i] = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_double (node) : NAN;
    }
  *n = len;
  return values;
}

JsonArray *
lb_json_array_new_doubles (const double *values,
                           gsize         n)
{
  JsonArray *array = json_array_sized_new (n);

  for (gsize i = 0; i < n; i++)
    if (isfinite (values[i]))
      json_array_add_double_element (array, values[i]);
    else
      json_array_add_null_element (array);
  return array;
}

char *
lb_finetune_format_params (JsonObject *params,
                           const char *model)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *prefix = model != NULL ? g_strconcat (model, "__", NULL) : NULL;
  g_autoptr (GList) members = params != NULL ? json_object_get_members (params) : NULL;

  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *v = json_object_get_member (params, l->data);

      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append_printf (out, "%s = ", prefix != NULL && g_str_has_prefix (l->data, prefix)
                                            ? (const char *) l->data + strlen (prefix) : (const char *) l->data);
      if (JSON_NODE_HOLDS_NULL (v))
        g_string_append (out, "null");
      else if (JSON_NODE_HOLDS_VALUE (v) && json_node_get_value_type (v) == G_TYPE_STRING)
        g_string_append (out, json_node_get_string (v));
      else if (JSON_NODE_HOLDS_VALUE (v) && json_node_get_value_type (v) == G_TYPE_BOOLEAN)
        g_string_append (out, json_node_get_boolean (v) ? "true" : "false");
      else if (JSON_NODE_HOLDS_VALUE (v) && json_node_get_value_type (v) == G_TYPE_INT64)
        g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (v));
      else if (JSON_NODE_HOLDS_VALUE (v))
        g_string_append_printf (out, "%.6g", json_node_get_double (v));
      else
        {
          g_autoptr (JsonGenerator) gen = json_generator_new ();
          g_autofree char *text = NULL;

          json_generator_set_root (gen, v);
          text = json_generator_to_data (gen, NULL);
          g_string_append (out, text);
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

double
lb_finetune_display_score (const char *scoring,
                           double      value)
{
  return scoring != NULL && g_str_has_prefix (scoring, "neg_") ? -value : value;
}

static LbChart *
no_data (GError    **error,
         const char *message)
{
  g_set_error_literal (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_NO_DATA, message);
  return NULL;
}

static double *
member_doubles (JsonObject *object,
                const char *member,
                gsize      *n)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  *n = 0;
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return lb_json_array_dup_doubles (json_node_get_array (node), n);
}

static JsonObject *
member_object (JsonObject *object,
               const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static char **
member_strings (JsonObject *object,
                const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *e = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (e) && json_node_get_value_type (e) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (e));
      else
        {
          g_autofree char *text = JSON_NODE_HOLDS_VALUE (e) ? g_strdup_printf ("%g", json_node_get_double (e))
                                                            : g_strdup ("?");

          g_strv_builder_add (builder, text);
        }
    }
  return g_strv_builder_end (builder);
}

static LbChart *
build_importances (JsonObject *search,
                   GError    **error)
{
  JsonObject *imp = member_object (search, "importances");
  g_auto (GStrv) names = member_strings (imp, "names");
  g_autofree double *values = NULL;
  gboolean coefficients;
  LbChart *chart;
  gsize n;

  values = member_doubles (imp, "values", &n);
  if (search == NULL)
    return no_data (error, _("Run a search: the feature importances of its best model show here."));
  if (imp == NULL || names == NULL || values == NULL || n == 0 || g_strv_length (names) != n)
    return no_data (error, _("This model has no feature importances."));
  coefficients = g_strcmp0 (json_object_get_string_member_with_default (imp, "kind", ""), "coefficients") == 0;
  chart = lb_chart_new_bars ((const char * const *) names, values, n, 20,
                             coefficients ? _("coefficient (on the prepared features)") : _("importance"), error);
  if (chart != NULL)
    lb_chart_set_title (chart, coefficients ? _("Coefficients of the linear model (not importances)")
                                            : _("Feature importances of the best model"));
  return chart;
}

static LbChart *
build_prediction (JsonObject *final,
                  gboolean    residuals,
                  GError    **error)
{
  JsonObject *points = member_object (final, "points");
  g_autofree double *y_true = NULL, *y_pred = NULL;
  gsize n_true, n_pred;
  LbChart *chart;

  y_true = member_doubles (points, "y_true", &n_true);
  y_pred = member_doubles (points, "y_pred", &n_pred);
  if (y_true == NULL || y_pred == NULL || n_true == 0 || n_true != n_pred)
    return no_data (error, _("Run the final evaluation of a regression model to see its predictions."));
  chart = lb_chart_new_prediction (y_true, y_pred, n_true,
                                   residuals ? LB_PREDICTION_RESIDUALS : LB_PREDICTION_VS_ACTUAL,
                                   json_object_get_string_member_with_default (final, "target", NULL), error);
  if (chart != NULL)
    lb_chart_set_title (chart, residuals ? _("Residuals on the test set") : _("Predicted vs actual on the test set"));
  return chart;
}

/* The confusion counts: at the threshold for a binary model, else at predict(). */
static LbMatrix *
confusion_counts (JsonObject *final,
                  char     ***labels)
{
  JsonObject *at = member_object (final, "at_threshold");
  JsonNode *node = final != NULL ? json_object_get_member (final, "confusion") : NULL;
  LbMatrix *counts = NULL;

  *labels = member_strings (final, "classes");
  if (at != NULL)
    {
      double c[4] = {
        json_object_get_double_member_with_default (at, "tn", 0),
        json_object_get_double_member_with_default (at, "fp", 0),
        json_object_get_double_member_with_default (at, "fn", 0),
        json_object_get_double_member_with_default (at, "tp", 0),
      };

      return lb_matrix_new_from_data (2, 2, c);
    }
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *rows = json_node_get_array (node);
      guint k = json_array_get_length (rows);

      if (k == 0)
        return NULL;
      counts = lb_matrix_new (k, k);
      for (guint i = 0; i < k; i++)
        {
          JsonArray *row = json_array_get_array_element (rows, i);

          for (guint j = 0; j < k && j < json_array_get_length (row); j++)
            LB_MATRIX_AT (counts, i, j) = json_array_get_double_element (row, j);
        }
    }
  return counts;
}

static LbChart *
build_confusion (JsonObject *final,
                 gboolean    errors,
                 GError    **error)
{
  g_auto (GStrv) labels = NULL;
  g_autoptr (LbMatrix) counts = confusion_counts (final, &labels);
  LbChart *chart;

  if (counts == NULL)
    return no_data (error, _("Run the final evaluation of a classifier to see its confusion matrix."));
  if (labels != NULL && g_strv_length (labels) != lb_matrix_get_n_rows (counts))
    g_clear_pointer (&labels, g_strfreev);
  chart = lb_chart_new_confusion (counts, (const char * const *) labels,
                                  errors ? LB_CONFUSION_ERRORS : LB_CONFUSION_COUNTS, error);
  if (chart != NULL)
    lb_chart_set_title (chart, errors ? _("Errors: each row divided by its total, the diagonal set to 0")
                                      : _("Confusion matrix on the test set (row = true class)"));
  return chart;
}

static LbChart *
build_threshold (JsonObject *final,
                 double      threshold,
                 GError    **error)
{
  JsonObject *curve = member_object (final, "threshold_curve");
  g_autofree double *t = NULL, *p = NULL, *r = NULL;
  gsize nt, np, nr;
  LbLineSeries series[2] = { { 0 } };
  LbLinesOptions options = { 0 };
  g_autofree char *vlabel = NULL;
  LbChart *chart;

  t = member_doubles (curve, "threshold", &nt);
  p = member_doubles (curve, "precision", &np);
  r = member_doubles (curve, "recall", &nr);
  if (t == NULL || nt < 2 || np != nt || nr != nt)
    return no_data (error, _("Run the final evaluation of a binary classifier to see precision and recall."));
  if (isnan (threshold))
    threshold = json_object_get_double_member_with_default (final, "threshold", 0);
  series[0] = (LbLineSeries) { _("Precision"), t, p, nt, LB_LINE_STYLE_DASHED, NULL, NULL, 1 };
  series[1] = (LbLineSeries) { _("Recall"), t, r, nt, LB_LINE_STYLE_LINES, NULL, NULL, 3 };
  options.x_label = _("Threshold");
  options.y_label = _("Value");
  options.y_min = 0;
  options.y_max = 1;
  options.x_min = t[0];
  options.x_max = t[nt - 1];
  options.show_vline = TRUE;
  options.vline_x = threshold;
  vlabel = g_strdup_printf (_("threshold %.3g"), threshold);
  options.vline_label = vlabel;
  chart = lb_chart_new_lines (series, 2, &options, error);
  if (chart != NULL)
    lb_chart_set_title (chart, _("Precision and recall versus the decision threshold (drag the threshold)"));
  return chart;
}

static LbChart *
build_pr (JsonObject *final,
          GError    **error)
{
  JsonObject *curve = member_object (final, "pr_curve");
  JsonObject *at = member_object (final, "at_threshold");
  g_autofree double *p = NULL, *r = NULL;
  g_autofree char *label = NULL;
  gsize np, nr;
  LbLineSeries series[2] = { { 0 } };
  LbLinesOptions options = { 0 };
  double here_r[1], here_p[1];
  guint n_series = 1;
  LbChart *chart;

  p = member_doubles (curve, "precision", &np);
  r = member_doubles (curve, "recall", &nr);
  if (p == NULL || np < 2 || nr != np)
    return no_data (error, _("Run the final evaluation of a binary classifier to see its PR curve."));
  label = g_strdup_printf (_("%s (AP = %.3f)"), json_object_get_string_member_with_default (final, "model", ""),
                           json_object_get_double_member_with_default (curve, "average_precision", NAN));
  series[0] = (LbLineSeries) { label, r, p, np, LB_LINE_STYLE_LINES, NULL, NULL, 0 };
  if (at != NULL)
    {
      here_r[0] = json_object_get_double_member_with_default (at, "recall", NAN);
      here_p[0] = json_object_get_double_member_with_default (at, "precision", NAN);
      series[1] = (LbLineSeries) { _("at the threshold"), here_r, here_p, 1, LB_LINE_STYLE_POINTS, NULL, NULL, 4 };
      n_series = 2;
    }
  options.x_label = _("Recall");
  options.y_label = _("Precision");
  options.x_min = options.y_min = 0;
  options.x_max = options.y_max = 1;
  chart = lb_chart_new_lines (series, n_series, &options, error);
  if (chart != NULL)
    lb_chart_set_title (chart, _("Precision versus recall on the test set"));
  return chart;
}

static LbChart *
build_roc (JsonObject *final,
           GError    **error)
{
  JsonNode *node = final != NULL ? json_object_get_member (final, "roc") : NULL;
  g_autoptr (GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) series = g_array_new (FALSE, TRUE, sizeof (LbLineSeries));
  LbLinesOptions options = { 0 };
  JsonArray *rocs;
  LbChart *chart;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) == 0)
    return no_data (error, _("Run the final evaluation of a binary classifier to see the ROC curves."));
  rocs = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (rocs); i++)
    {
      JsonObject *roc = json_array_get_object_element (rocs, i);
      gsize nf, nt;
      double *fpr = member_doubles (roc, "fpr", &nf);
      double *tpr = member_doubles (roc, "tpr", &nt);
      char *label = g_strdup_printf (_("%s (AUC = %.3f)"), json_object_get_string_member_with_default (roc, "model", "?"),
                                     json_object_get_double_member_with_default (roc, "auc", NAN));
      LbLineSeries s = { label, fpr, tpr, MIN (nf, nt), LB_LINE_STYLE_LINES, NULL, NULL, 0 };

      g_ptr_array_add (keep, fpr);
      g_ptr_array_add (keep, tpr);
      g_ptr_array_add (keep, label);
      if (fpr != NULL && tpr != NULL)
        g_array_append_val (series, s);
    }
  options.x_label = _("False positive rate");
  options.y_label = _("True positive rate (recall)");
  options.x_min = options.y_min = 0;
  options.x_max = options.y_max = 1;
  options.diagonal = TRUE;
  chart = lb_chart_new_lines ((LbLineSeries *) series->data, series->len, &options, error);
  if (chart != NULL)
    lb_chart_set_title (chart, _("ROC curves of the shortlisted models on the test set"));
  return chart;
}

LbChart *
lb_finetune_chart_build (JsonObject *search,
                         JsonObject *final,
                         const char *which,
                         double      threshold,
                         GError    **error)
{
  g_return_val_if_fail (which != NULL, NULL);

  if (strcmp (which, LB_FINETUNE_CHART_IMPORTANCES) == 0)
    return build_importances (search, error);
  if (strcmp (which, LB_FINETUNE_CHART_PREDICTION) == 0)
    return build_prediction (final, FALSE, error);
  if (strcmp (which, LB_FINETUNE_CHART_RESIDUALS) == 0)
    return build_prediction (final, TRUE, error);
  if (strcmp (which, LB_FINETUNE_CHART_CONFUSION) == 0)
    return build_confusion (final, FALSE, error);
  if (strcmp (which, LB_FINETUNE_CHART_ERRORS) == 0)
    return build_confusion (final, TRUE, error);
  if (strcmp (which, LB_FINETUNE_CHART_THRESHOLD) == 0)
    return build_threshold (final, threshold, error);
  if (strcmp (which, LB_FINETUNE_CHART_PR) == 0)
    return build_pr (final, error);
  if (strcmp (which, LB_FINETUNE_CHART_ROC) == 0)
    return build_roc (final, error);
  g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID, "unknown chart “%s”", which);
  return NULL;
}
