/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-simple-imputer.c: scikit-learn 1.2's SimpleImputer on a dense matrix.
 * Like sklearn, a column with no value at all is dropped (unless
 * keep_empty_features, which fills it with 0), and add_indicator appends one
 * 0/1 column per feature that had missing values during fit.
 * Columns of categories (codes + names) are imputed by category *name*, so a
 * matrix whose category list differs at transform time is still right.
 */
#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-prep-private.h"
#include "lb-simple-imputer.h"

/* sklearn's fill value for text columns with strategy="constant" */
#define MISSING_VALUE_NAME "missing_value"

struct _LbSimpleImputer
{
  LbEstimator parent_instance;

  /* hyper-parameters */
  LbImputerStrategy strategy;
  double            fill_value;
  gboolean          add_indicator;
  gboolean          keep_empty_features;

  /* learned state (NULL / 0 before fit) */
  guint     n_features;
  gboolean *categorical;   /* per feature: a column of category codes */
  double   *statistics;    /* per feature; NaN = empty (dropped) or categorical */
  char    **stat_names;    /* per feature: the category filled in (categorical), or NULL */
  gboolean *has_missing;   /* per feature: NaN seen during fit (add_indicator) */
};

G_DEFINE_TYPE (LbSimpleImputer, lb_simple_imputer, LB_TYPE_ESTIMATOR)

enum
{
  PROP_0,
  PROP_STRATEGY,
  PROP_FILL_VALUE,
  PROP_ADD_INDICATOR,
  PROP_KEEP_EMPTY_FEATURES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GType
lb_imputer_strategy_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { LB_IMPUTER_STRATEGY_MEAN, "LB_IMPUTER_STRATEGY_MEAN", "mean" },
        { LB_IMPUTER_STRATEGY_MEDIAN, "LB_IMPUTER_STRATEGY_MEDIAN", "median" },
        { LB_IMPUTER_STRATEGY_MOST_FREQUENT, "LB_IMPUTER_STRATEGY_MOST_FREQUENT", "most_frequent" },
        { LB_IMPUTER_STRATEGY_CONSTANT, "LB_IMPUTER_STRATEGY_CONSTANT", "constant" },
        { 0, NULL, NULL },
      };
      GType type = g_enum_register_static (g_intern_static_string ("LbImputerStrategy"), values);

      g_once_init_leave (&type_id, type);
    }
  return type_id;
}

/* --- learned state --- */

static void
lb_simple_imputer_reset (LbEstimator *estimator)
{
  LbSimpleImputer *self = LB_SIMPLE_IMPUTER (estimator);

  if (self->stat_names != NULL)
    for (guint j = 0; j < self->n_features; j++)
      g_free (self->stat_names[j]);
  g_clear_pointer (&self->stat_names, g_free);
  g_clear_pointer (&self->categorical, g_free);
  g_clear_pointer (&self->statistics, g_free);
  g_clear_pointer (&self->has_missing, g_free);
  self->n_features = 0;
}

static void
alloc_state (LbSimpleImputer *self,
             guint            n_features)
{
  self->n_features = n_features;
  self->categorical = g_new0 (gboolean, MAX (n_features, 1));
  self->statistics = g_new (double, MAX (n_features, 1));
  self->stat_names = g_new0 (char *, n_features + 1);
  self->has_missing = g_new0 (gboolean, MAX (n_features, 1));
}

static gboolean
feature_kept (LbSimpleImputer *self,
              guint            j)
{
  return self->categorical[j] ? self->stat_names[j] != NULL : !isnan (self->statistics[j]);
}

/* --- statistics of one column --- */

/* The k-th smallest of v[0..m) (0-based), reordering v so that v[0..k) <= v[k]
 * <= v(k..m): Wirth's selection (Hoare partitions) with a median-of-three
 * pivot, O(m) on average. */
static double
select_kth (double *v,
            gsize   m,
            gsize   kth)
{
  gssize l = 0, r = (gssize) m - 1, k = (gssize) kth;

  while (l < r)
    {
      double a = v[l], b = v[l + (r - l) / 2], c = v[r];
      double x = a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b));
      gssize i = l, j = r;

      do
        {
          while (v[i] < x)
            i++;
          while (x < v[j])
            j--;
          if (i <= j)
            {
              double t = v[i];

              v[i] = v[j];
              v[j] = t;
              i++;
              j--;
            }
        }
      while (i <= j);
      if (j < k)
        l = i;
      if (k < i)
        r = j;
    }
  return v[k];
}

/* @v: the m non-missing values (reordered). numpy's median: the middle value,
 * or for an even count the mean of the two middle values, (a + b) / 2. */
static double
median_of (double *v,
           gsize   m)
{
  double upper, lower;

  if (m == 0)
    return NAN;
  upper = select_kth (v, m, m / 2);
  if (m % 2 == 1)
    return upper;
  /* after the selection v[0 .. m/2) holds the smaller half: its maximum */
  lower = v[0];
  for (gsize i = 1; i < m / 2; i++)
    if (v[i] > lower)
      lower = v[i];
  return (lower + upper) / 2.0;
}

/* The most frequent value, the smallest on a tie (sklearn's _most_frequent),
 * counted in an open-addressing hash table of the values' bits (-0 counts as
 * 0): O(m), where a sort would be O(m log m). */
static double
most_frequent_of (const double *v,
                  gsize         m)
{
  gsize cap = 16, best_count = 0;
  double best = NAN;
  g_autofree guint64 *keys = NULL;
  g_autofree gsize *counts = NULL;   /* 0 = empty slot */

  if (m == 0)
    return NAN;
  while (cap < 2 * m)
    cap <<= 1;
  keys = g_new (guint64, cap);
  counts = g_new0 (gsize, cap);
  for (gsize i = 0; i < m; i++)
    {
      double x = v[i] == 0 ? 0.0 : v[i];
      guint64 bits, h;

      memcpy (&bits, &x, sizeof bits);
      h = bits;   /* splitmix64's finaliser spreads the bits */
      h = (h ^ (h >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
      h = (h ^ (h >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
      h = (h ^ (h >> 31)) & (cap - 1);
      while (counts[h] != 0 && keys[h] != bits)
        h = (h + 1) & (cap - 1);
      keys[h] = bits;
      counts[h]++;
    }
  for (gsize h = 0; h < cap; h++)
    if (counts[h] != 0)
      {
        double x;

        memcpy (&x, &keys[h], sizeof x);
        if (counts[h] > best_count || (counts[h] == best_count && x < best))
          {
            best_count = counts[h];
            best = x;
          }
      }
  return best;
}

static gboolean
fit_categorical (LbSimpleImputer    *self,
                 LbMatrix           *X,
                 guint               j,
                 const char * const *cats,
                 GError            **error)
{
  const double *data = lb_matrix_get_const_data (X);
  gsize n = lb_matrix_get_n_rows (X), d = lb_matrix_get_n_cols (X);
  guint n_cats = g_strv_length ((char **) cats);
  g_autofree gsize *counts = g_new0 (gsize, MAX (n_cats, 1));
  gsize seen = 0;

  switch (self->strategy)
    {
    case LB_IMPUTER_STRATEGY_MEAN:
    case LB_IMPUTER_STRATEGY_MEDIAN:
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("Column ‘%s’ holds categories: its missing values can only be filled with strategy "
                     "most_frequent or constant, not %s"),
                   lb_matrix_get_column_name (X, j),
                   self->strategy == LB_IMPUTER_STRATEGY_MEAN ? "mean" : "median");
      return FALSE;
    case LB_IMPUTER_STRATEGY_CONSTANT:
      self->stat_names[j] = g_strdup (MISSING_VALUE_NAME);
      for (gsize i = 0; i < n; i++)
        if (isnan (data[i * d + j]))
          {
            self->has_missing[j] = TRUE;
            break;
          }
      return TRUE;
    case LB_IMPUTER_STRATEGY_MOST_FREQUENT:
    default:
      break;
    }

  for (gsize i = 0; i < n; i++)
    {
      double v = data[i * d + j];

      if (isnan (v))
        {
          self->has_missing[j] = TRUE;
          continue;
        }
      if (!(v >= 0 && v < n_cats) || v != floor (v))
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                       _("Column ‘%s’ holds categories, but row %zu has the code %g"),
                       lb_matrix_get_column_name (X, j), i + 1, v);
          return FALSE;
        }
      counts[(gsize) v]++;
      seen++;
    }
  if (seen > 0)
    {
      guint best = 0;

      for (guint c = 1; c < n_cats; c++)
        if (counts[c] > counts[best]
            || (counts[c] == counts[best] && strcmp (cats[c], cats[best]) < 0))
          best = c;
      self->stat_names[j] = g_strdup (cats[best]);
    }
  return TRUE;
}

/* Columns gathered per block: reading rows once per block of columns keeps
 * the (row-major) matrix streaming through the cache. */
#define BLOCK 16

static double
numeric_statistic (LbSimpleImputer *self,
                   double          *v,
                   gsize            m)
{
  double sum = 0;

  switch (self->strategy)
    {
    case LB_IMPUTER_STRATEGY_MEAN:
      if (m == 0)
        return NAN;
      for (gsize i = 0; i < m; i++)
        sum += v[i];
      return sum / (double) m;
    case LB_IMPUTER_STRATEGY_MEDIAN:
      return median_of (v, m);
    case LB_IMPUTER_STRATEGY_MOST_FREQUENT:
      return most_frequent_of (v, m);
    case LB_IMPUTER_STRATEGY_CONSTANT:
    default:
      return self->fill_value;
    }
}

static gboolean
lb_simple_imputer_fit (LbEstimator  *estimator,
                       LbMatrix     *X,
                       LbMatrix     *y,
                       LbFitContext *ctx,
                       GError      **error)
{
  LbSimpleImputer *self = LB_SIMPLE_IMPUTER (estimator);
  const double *data = lb_matrix_get_const_data (X);
  gsize n = lb_matrix_get_n_rows (X), d = lb_matrix_get_n_cols (X);
  g_autofree double *buffer = NULL;
  gsize counts[BLOCK];

  alloc_state (self, (guint) d);

  /* columns of categories, one by one (they are few) */
  for (guint j = 0; j < d; j++)
    {
      const char * const *cats = lb_matrix_get_categories (X, j);

      self->statistics[j] = NAN;
      if (cats == NULL)
        continue;
      self->categorical[j] = TRUE;
      if (!fit_categorical (self, X, j, cats, error))
        return FALSE;
      if (self->stat_names[j] == NULL && self->keep_empty_features)
        self->stat_names[j] = g_strdup (MISSING_VALUE_NAME);
    }

  /* numeric columns, BLOCK at a time: (BLOCK, n) column buffers */
  buffer = g_try_new (double, MAX (n, 1) * BLOCK);
  if (buffer == NULL)
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_TOO_LARGE,
                   _("Not enough memory to impute %zu rows"), n);
      return FALSE;
    }
  for (gsize j0 = 0; j0 < d; j0 += BLOCK)
    {
      gsize j1 = MIN (d, j0 + BLOCK);

      if (lb_prep_cancelled (ctx, error))
        return FALSE;
      memset (counts, 0, sizeof counts);
      for (gsize i = 0; i < n; i++)
        {
          const double *row = data + i * d;

          for (gsize j = j0; j < j1; j++)
            if (!self->categorical[j] && !isnan (row[j]))
              buffer[(j - j0) * n + counts[j - j0]++] = row[j];
        }
      for (gsize j = j0; j < j1; j++)
        {
          if (self->categorical[j])
            continue;
          self->has_missing[j] = counts[j - j0] < n;
          self->statistics[j] = numeric_statistic (self, buffer + (j - j0) * n, counts[j - j0]);
          if (isnan (self->statistics[j]) && self->keep_empty_features)
            self->statistics[j] = 0.0;   /* sklearn 1.2: an empty feature kept is filled with 0 */
        }
      lb_prep_report (ctx, (double) j1 / (double) d);
    }
  return TRUE;
}

/* --- transform --- */

static guint
n_outputs (LbSimpleImputer *self)
{
  guint k = 0;

  for (guint j = 0; j < self->n_features; j++)
    {
      if (feature_kept (self, j))
        k++;
      if (self->add_indicator && self->has_missing[j])
        k++;
    }
  return k;
}

static char **
lb_simple_imputer_get_feature_names_out (LbEstimator        *estimator,
                                         const char * const *names_in,
                                         guint               n_in)
{
  LbSimpleImputer *self = LB_SIMPLE_IMPUTER (estimator);
  GPtrArray *names = g_ptr_array_new ();

  if (self->statistics == NULL || n_in != self->n_features)
    {
      for (guint j = 0; j < n_in; j++)
        g_ptr_array_add (names, g_strdup (names_in[j]));
    }
  else
    {
      for (guint j = 0; j < n_in; j++)
        if (feature_kept (self, j))
          g_ptr_array_add (names, g_strdup (names_in[j]));
      if (self->add_indicator)
        for (guint j = 0; j < n_in; j++)
          if (self->has_missing[j])
            g_ptr_array_add (names, g_strconcat ("missingindicator_", names_in[j], NULL));
    }
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (names, FALSE);
}

static LbMatrix *
lb_simple_imputer_transform (LbEstimator *estimator,
                             LbMatrix    *X,
                             GError     **error)
{
  LbSimpleImputer *self = LB_SIMPLE_IMPUTER (estimator);
  const double *in;
  double *out;
  gsize n, d;
  guint n_out, k = 0, n_ind = 0;
  g_autofree int *dest = NULL;        /* per input column: output column, or -1 (dropped) */
  g_autofree double *fill = NULL;     /* per input column: what replaces NaN */
  g_autofree guint *indicator = NULL; /* input columns that get an indicator */
  g_autoptr (LbMatrix) result = NULL;

  n = lb_matrix_get_n_rows (X);
  d = lb_matrix_get_n_cols (X);
  n_out = n_outputs (self);
  result = lb_prep_new_output (X, self->n_features, n_out, error);
  if (result == NULL)
    return NULL;
  in = lb_matrix_get_const_data (X);
  out = lb_matrix_get_data (result);
  dest = g_new (int, MAX (d, 1));
  fill = g_new (double, MAX (d, 1));
  indicator = g_new (guint, MAX (d, 1));

  for (guint j = 0; j < d; j++)
    {
      const char * const *cats = lb_matrix_get_categories (X, j);

      if (self->add_indicator && self->has_missing[j])
        indicator[n_ind++] = j;
      dest[j] = -1;
      if (!feature_kept (self, j))
        continue;
      if ((cats != NULL) != self->categorical[j])
        {
          g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_DATA,
                       self->categorical[j]
                         ? _("Column ‘%s’ held categories during fit, but holds numbers now")
                         : _("Column ‘%s’ held numbers during fit, but holds categories now"),
                       lb_matrix_get_column_name (X, j));
          return NULL;
        }
      fill[j] = self->statistics[j];
      if (self->categorical[j])
        {
          guint n_cats = g_strv_length ((char **) cats);
          guint code = n_cats;

          for (guint c = 0; c < n_cats; c++)
            if (strcmp (cats[c], self->stat_names[j]) == 0)
              code = c;
          if (code == n_cats)
            {
              /* the filled-in category is new to this matrix: append it */
              g_autofree const char **more = g_new0 (const char *, n_cats + 2);

              memcpy (more, cats, n_cats * sizeof (char *));
              more[n_cats] = self->stat_names[j];
              lb_matrix_set_categories (result, k, more);
            }
          else
            lb_matrix_set_categories (result, k, cats);
          fill[j] = code;
        }
      dest[j] = (int) k++;
    }
  g_assert (k + n_ind == n_out);

  /* row by row: both matrices are row-major */
  for (gsize i = 0; i < n; i++)
    {
      const double *row = in + i * d;
      double *o = out + i * n_out;

      for (gsize j = 0; j < d; j++)
        if (dest[j] >= 0)
          o[dest[j]] = isnan (row[j]) ? fill[j] : row[j];
      for (guint t = 0; t < n_ind; t++)
        o[k + t] = isnan (row[indicator[t]]) ? 1.0 : 0.0;
    }
  lb_prep_name_output (estimator, X, result);
  return g_steal_pointer (&result);
}

/* --- state --- */

static JsonNode *
statistics_json (LbSimpleImputer *self)
{
  JsonArray *array = json_array_sized_new (self->n_features);
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint j = 0; j < self->n_features; j++)
    if (self->categorical[j] && self->stat_names[j] != NULL)
      json_array_add_string_element (array, self->stat_names[j]);
    else if (self->categorical[j] || isnan (self->statistics[j]))
      json_array_add_null_element (array);
    else
      json_array_add_double_element (array, self->statistics[j]);
  json_node_take_array (node, array);
  return node;
}

static JsonNode *
lb_simple_imputer_save_state (LbEstimator *estimator,
                              GError     **error)
{
  LbSimpleImputer *self = LB_SIMPLE_IMPUTER (estimator);
  JsonObject *object = json_object_new ();
  g_autofree double *flags = g_new (double, MAX (self->n_features, 1));
  g_autofree double *missing = g_new (double, MAX (self->n_features, 1));

  for (guint j = 0; j < self->n_features; j++)
    {
      flags[j] = self->categorical[j];
      missing[j] = self->has_missing[j];
    }
  json_object_set_int_member (object, "n_features_in", self->n_features);
  json_object_set_member (object, "categorical", lb_prep_doubles_to_json (flags, self->n_features));
  json_object_set_member (object, "statistics", lb_prep_doubles_to_json (self->statistics, self->n_features));
  json_object_set_member (object, "statistic_names",
                          lb_prep_strings_to_json ((const char * const *) self->stat_names, self->n_features));
  json_object_set_member (object, "has_missing", lb_prep_doubles_to_json (missing, self->n_features));
  return lb_prep_object_node (object);
}

static gboolean
lb_simple_imputer_load_state (LbEstimator *estimator,
                              JsonNode    *state,
                              GError     **error)
{
  LbSimpleImputer *self = LB_SIMPLE_IMPUTER (estimator);
  JsonObject *object = lb_prep_state_object (state, "SimpleImputer", error);
  g_autofree double *flags = NULL;
  g_autofree double *stats = NULL;
  g_autofree double *missing = NULL;
  char **names = NULL;
  guint64 d;
  gsize n_names = 0;

  if (object == NULL
      || !lb_prep_n_features_from_json (estimator, object, &d, error)
      || (flags = lb_prep_doubles_from_json (object, "categorical", d, error)) == NULL
      || (stats = lb_prep_doubles_from_json (object, "statistics", d, error)) == NULL
      || (missing = lb_prep_doubles_from_json (object, "has_missing", d, error)) == NULL
      || (names = lb_prep_strings_from_json (object, "statistic_names", d, TRUE, &n_names, error)) == NULL)
    return FALSE;
  if (n_names != d)
    {
      for (gsize j = 0; j < n_names; j++)
        g_free (names[j]);
      g_free (names);
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_FILE,
                   _("The model state's list ‘%s’ has %zu values, expected %" PRIu64),
                   "statistic_names", n_names, d);
      return FALSE;
    }

  lb_simple_imputer_reset (estimator);
  alloc_state (self, (guint) d);
  g_free (self->stat_names);
  self->stat_names = names;
  for (guint j = 0; j < d; j++)
    {
      self->categorical[j] = flags[j] != 0;
      self->statistics[j] = self->categorical[j] ? NAN : stats[j];
      self->has_missing[j] = missing[j] != 0;
      if (!self->categorical[j])
        g_clear_pointer (&self->stat_names[j], g_free);
    }
  return TRUE;
}

static JsonNode *
lb_simple_imputer_describe_state (LbEstimator *estimator)
{
  LbSimpleImputer *self = LB_SIMPLE_IMPUTER (estimator);
  JsonObject *object;

  if (self->statistics == NULL)
    return NULL;
  object = json_object_new ();
  json_object_set_member (object, "statistics_", statistics_json (self));
  return lb_prep_object_node (object);
}

static gboolean
lb_simple_imputer_check_params (LbEstimator *estimator,
                                GError     **error)
{
  LbSimpleImputer *self = LB_SIMPLE_IMPUTER (estimator);

  if (!isfinite (self->fill_value))
    {
      g_set_error (error, LB_ENGINE_ERROR, LB_ENGINE_ERROR_INVALID_PARAM,
                   _("fill_value must be a finite number (got %g)"), self->fill_value);
      return FALSE;
    }
  return TRUE;
}

/* --- GObject --- */

static void
lb_simple_imputer_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LbSimpleImputer *self = LB_SIMPLE_IMPUTER (object);

  switch (prop_id)
    {
    case PROP_STRATEGY:
      g_value_set_enum (value, self->strategy);
      break;
    case PROP_FILL_VALUE:
      g_value_set_double (value, self->fill_value);
      break;
    case PROP_ADD_INDICATOR:
      g_value_set_boolean (value, self->add_indicator);
      break;
    case PROP_KEEP_EMPTY_FEATURES:
      g_value_set_boolean (value, self->keep_empty_features);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_simple_imputer_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LbSimpleImputer *self = LB_SIMPLE_IMPUTER (object);

  switch (prop_id)
    {
    case PROP_STRATEGY:
      if (self->strategy != (LbImputerStrategy) g_value_get_enum (value))
        {
          self->strategy = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_FILL_VALUE:
      lb_prep_set_double (object, &self->fill_value, g_value_get_double (value), pspec);
      break;
    case PROP_ADD_INDICATOR:
      lb_prep_set_boolean (object, &self->add_indicator, g_value_get_boolean (value), pspec);
      break;
    case PROP_KEEP_EMPTY_FEATURES:
      lb_prep_set_boolean (object, &self->keep_empty_features, g_value_get_boolean (value), pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_simple_imputer_finalize (GObject *object)
{
  lb_simple_imputer_reset (LB_ESTIMATOR (object));
  G_OBJECT_CLASS (lb_simple_imputer_parent_class)->finalize (object);
}

static void
lb_simple_imputer_class_init (LbSimpleImputerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LbEstimatorClass *estimator_class = LB_ESTIMATOR_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = lb_simple_imputer_get_property;
  object_class->set_property = lb_simple_imputer_set_property;
  object_class->finalize = lb_simple_imputer_finalize;

  estimator_class->name = "SimpleImputer";
  estimator_class->flags = LB_ESTIMATOR_TRANSFORMER | LB_ESTIMATOR_ALLOW_NAN;
  estimator_class->check_params = lb_simple_imputer_check_params;
  estimator_class->fit = lb_simple_imputer_fit;
  estimator_class->reset = lb_simple_imputer_reset;
  estimator_class->transform = lb_simple_imputer_transform;
  estimator_class->get_feature_names_out = lb_simple_imputer_get_feature_names_out;
  estimator_class->save_state = lb_simple_imputer_save_state;
  estimator_class->load_state = lb_simple_imputer_load_state;
  estimator_class->describe_state = lb_simple_imputer_describe_state;

  properties[PROP_STRATEGY] =
    g_param_spec_enum ("strategy", N_("Strategy"),
                       N_("What replaces a missing value: the column's mean, its median, its most frequent value, or a constant"),
                       LB_TYPE_IMPUTER_STRATEGY, LB_IMPUTER_STRATEGY_MEAN, flags);
  properties[PROP_FILL_VALUE] =
    g_param_spec_double ("fill-value", N_("Fill value"),
                         N_("The number that replaces missing values when the strategy is constant"),
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, flags);
  properties[PROP_ADD_INDICATOR] =
    g_param_spec_boolean ("add-indicator", N_("Add indicator"),
                          N_("Also add a 0/1 column per feature that had missing values, so a model can learn from the fact that a value was missing"),
                          FALSE, flags);
  properties[PROP_KEEP_EMPTY_FEATURES] =
    g_param_spec_boolean ("keep-empty-features", N_("Keep empty features"),
                          N_("Keep a column that has no value at all (filled with 0) instead of dropping it"),
                          FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lb_simple_imputer_init (LbSimpleImputer *self)
{
  self->strategy = LB_IMPUTER_STRATEGY_MEAN;
  self->fill_value = 0.0;
}

/* --- public --- */

LbEstimator *
lb_simple_imputer_new (LbImputerStrategy strategy)
{
  return g_object_new (LB_TYPE_SIMPLE_IMPUTER, "strategy", strategy, NULL);
}

const double *
lb_simple_imputer_get_statistics (LbSimpleImputer *self)
{
  g_return_val_if_fail (LB_IS_SIMPLE_IMPUTER (self), NULL);
  return self->statistics;
}

const char *
lb_simple_imputer_get_statistic_name (LbSimpleImputer *self,
                                      guint            feature)
{
  g_return_val_if_fail (LB_IS_SIMPLE_IMPUTER (self), NULL);
  g_return_val_if_fail (self->statistics != NULL && feature < self->n_features, NULL);
  return self->stat_names[feature];
}
