/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-estimator-registry.c: estimator types by their scikit-learn name ("Ridge"),
 * for project files, model files and the UI's model list. A mutex guards the
 * table: lookups may come from worker threads. Unregistered subclasses are
 * still reachable by GType name, so that clone and JSON work for them too.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-estimator.h"
#include "lb-estimator-private.h"

/* --- registry --- */

static GMutex registry_lock;
static GHashTable *registry;  /* name → GType */

void
lb_estimator_register (GType type)
{
  LbEstimatorClass *klass;

  g_return_if_fail (g_type_is_a (type, LB_TYPE_ESTIMATOR));
  g_return_if_fail (!G_TYPE_IS_ABSTRACT (type));
  klass = g_type_class_ref (type);
  g_return_if_fail (klass->name != NULL);

  g_mutex_lock (&registry_lock);
  if (registry == NULL)
    registry = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (registry, (gpointer) klass->name, GSIZE_TO_POINTER (type));
  g_mutex_unlock (&registry_lock);
  /* The class stays referenced: its name is the key. */
}

GType
lb_estimator_lookup (const char *name)
{
  GType type = G_TYPE_INVALID;

  g_return_val_if_fail (name != NULL, G_TYPE_INVALID);
  lb_estimators_register_builtin ();
  g_mutex_lock (&registry_lock);
  if (registry != NULL)
    type = GPOINTER_TO_SIZE (g_hash_table_lookup (registry, name));
  g_mutex_unlock (&registry_lock);
  return type;
}

const char *
lb_estimator_get_spec_name (LbEstimator *self)
{
  const char *name = LB_ESTIMATOR_GET_CLASS (self)->name;

  if (name != NULL && lb_estimator_lookup (name) == G_OBJECT_TYPE (self))
    return name;
  return G_OBJECT_TYPE_NAME (self);
}

LbEstimator *
lb_estimator_new_by_name (const char *name,
                          GError    **error)
{
  GType type;

  g_return_val_if_fail (name != NULL, NULL);
  type = lb_estimator_lookup (name);
  if (type == G_TYPE_INVALID)
    {
      /* An unregistered subclass (a test's, an app's own) by its GType name,
       * so that clone and JSON work for it too. */
      GType by_type = g_type_from_name (name);

      if (by_type != G_TYPE_INVALID && g_type_is_a (by_type, LB_TYPE_ESTIMATOR) &&
          !G_TYPE_IS_ABSTRACT (by_type))
        type = by_type;
    }
  if (type == G_TYPE_INVALID)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_UNKNOWN,
                   _("Unknown estimator ‘%s’"), name);
      return NULL;
    }
  return g_object_new (type, NULL);
}

static int
compare_type_names (gconstpointer a,
                    gconstpointer b)
{
  LbEstimatorClass *ka = g_type_class_peek (*(const GType *) a);
  LbEstimatorClass *kb = g_type_class_peek (*(const GType *) b);

  return strcmp (ka->name, kb->name);
}

GArray *
lb_estimator_list_registered (void)
{
  GArray *types = g_array_new (FALSE, FALSE, sizeof (GType));
  GHashTableIter iter;
  gpointer value;

  lb_estimators_register_builtin ();
  g_mutex_lock (&registry_lock);
  if (registry != NULL)
    {
      g_hash_table_iter_init (&iter, registry);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          GType type = GPOINTER_TO_SIZE (value);

          g_array_append_val (types, type);
        }
    }
  g_mutex_unlock (&registry_lock);
  g_array_sort (types, compare_type_names);
  return types;
}
