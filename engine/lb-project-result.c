/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-project-result.c: what a project run gives back — LbProjectResult and
 * its per-model results — as the JSON object `learnbench run --json` prints
 * (absent numbers are null), and the fitted pipeline saved as a model file
 * whose metadata says which input columns `learnbench predict` must supply.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lb-model-file.h"
#include "lb-project-private.h"
#include "lb-project-run.h"

/* --- results --- */

void
lb_project_model_result_free (gpointer data)
{
  LbProjectModelResult *m = data;

  g_free (m->name);
  g_free (m->estimator);
  g_clear_pointer (&m->params, json_node_unref);
  g_free (m->scoring);
  g_clear_pointer (&m->cv_scores, g_array_unref);
  g_clear_pointer (&m->predictions, json_array_unref);
  g_clear_object (&m->fitted);
  g_clear_pointer (&m->best_params, json_node_unref);
  g_clear_pointer (&m->cv_results, json_node_unref);
  g_free (m);
}

G_DEFINE_BOXED_TYPE (LbProjectResult, lb_project_result, lb_project_result_ref, lb_project_result_unref)

LbProjectResult *
lb_project_result_ref (LbProjectResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);
  g_atomic_ref_count_inc (&result->ref_count);
  return result;
}

void
lb_project_result_unref (LbProjectResult *result)
{
  g_return_if_fail (result != NULL);
  if (!g_atomic_ref_count_dec (&result->ref_count))
    return;
  g_clear_pointer (&result->project, lb_project_unref);
  g_strfreev (result->feature_names);
  g_clear_pointer (&result->models, g_ptr_array_unref);
  g_clear_pointer (&result->metadata, json_object_unref);
  g_free (result);
}

/* --- JSON and model files --- */

static void
add_number (JsonBuilder *b,
            const char  *key,
            double       value)
{
  json_builder_set_member_name (b, key);
  if (isfinite (value))
    json_builder_add_double_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_model (JsonBuilder                *b,
           const LbProjectModelResult *m)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, m->name);
  json_builder_set_member_name (b, "estimator");
  json_builder_add_string_value (b, m->estimator);
  json_builder_set_member_name (b, "params");
  json_builder_add_value (b, json_node_copy (m->params));
  json_builder_set_member_name (b, "scoring");
  json_builder_add_string_value (b, m->scoring);
  add_number (b, "train_score", m->train_score);
  json_builder_set_member_name (b, "cv_scores");
  json_builder_begin_array (b);
  for (guint f = 0; f < m->cv_scores->len; f++)
    json_builder_add_double_value (b, g_array_index (m->cv_scores, double, f));
  json_builder_end_array (b);
  add_number (b, "cv_mean", m->cv_mean);
  add_number (b, "cv_std", m->cv_std);
  add_number (b, "test_score", m->test_score);
  json_builder_set_member_name (b, "test_rmse_95ci");
  if (isnan (m->test_rmse_low))
    json_builder_add_null_value (b);
  else
    {
      json_builder_begin_array (b);
      json_builder_add_double_value (b, m->test_rmse_low);
      json_builder_add_double_value (b, m->test_rmse_high);
      json_builder_end_array (b);
    }
  add_number (b, "fit_seconds", m->fit_seconds);
  add_number (b, "cv_seconds", m->cv_seconds);
  if (m->predictions != NULL)
    {
      JsonNode *node = json_node_new (JSON_NODE_ARRAY);

      json_node_set_array (node, m->predictions);
      json_builder_set_member_name (b, "predictions");
      json_builder_add_value (b, node);
    }
  if (m->best_params != NULL)
    {
      json_builder_set_member_name (b, "best_params");
      json_builder_add_value (b, json_node_copy (m->best_params));
      add_number (b, "best_score", m->best_score);
      json_builder_set_member_name (b, "cv_results");
      json_builder_add_value (b, json_node_copy (m->cv_results));
    }
  json_builder_end_object (b);
}

JsonNode *
lb_project_model_result_to_json (const LbProjectModelResult *m)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (m != NULL, NULL);
  add_model (b, m);
  return json_builder_get_root (b);
}

JsonNode *
lb_project_result_to_json (LbProjectResult *result)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (result != NULL, NULL);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "project");
  if (result->project->name != NULL)
    json_builder_add_string_value (b, result->project->name);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "n_rows");
  json_builder_add_int_value (b, (gint64) result->n_rows);
  json_builder_set_member_name (b, "n_train");
  json_builder_add_int_value (b, (gint64) result->n_train);
  json_builder_set_member_name (b, "n_test");
  json_builder_add_int_value (b, (gint64) result->n_test);
  json_builder_set_member_name (b, "features");
  json_builder_begin_array (b);
  for (guint i = 0; result->feature_names != NULL && result->feature_names[i] != NULL; i++)
    json_builder_add_string_value (b, result->feature_names[i]);
  json_builder_end_array (b);
  add_number (b, "seconds", result->seconds);

  json_builder_set_member_name (b, "models");
  json_builder_begin_array (b);
  for (guint i = 0; i < result->models->len; i++)
    add_model (b, g_ptr_array_index (result->models, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

gboolean
lb_project_result_save_model (LbProjectResult *result,
                              const char      *name,
                              const char      *path,
                              GError         **error)
{
  LbProjectModelResult *chosen = NULL;

  g_return_val_if_fail (result != NULL && path != NULL, FALSE);
  for (guint i = 0; i < result->models->len && chosen == NULL; i++)
    {
      LbProjectModelResult *m = g_ptr_array_index (result->models, i);

      if (name != NULL ? strcmp (m->name, name) == 0 : m->best_params != NULL)
        chosen = m;
    }
  if (chosen == NULL && name == NULL && result->models->len > 0)
    chosen = g_ptr_array_index (result->models, 0);
  if (chosen == NULL)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_UNKNOWN,
                   _("no model is named “%s”"), name);
      return FALSE;
    }
  return lb_model_file_save_full (chosen->fitted, result->metadata, path, error);
}
