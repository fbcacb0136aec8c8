/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-column.c: LbColumn, an immutable, atomically refcounted column. A renamed
 * column keeps a reference to the column that owns the data and borrows its
 * arrays, so renaming or sharing a column never copies values.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <sys/mman.h>

#include <glib/gi18n-lib.h>

#include "lb-column.h"

struct _LbColumn
{
  gatomicrefcount ref_count;
  char           *name;
  LbColumnKind    kind;
  gsize           n_rows;
  LbColumn       *owner;        /* NULL when this column owns the arrays below */

  double         *values;       /* NUMERIC: n_rows */
  gsize           values_mapped; /* NUMERIC: bytes of values' mapping (munmap), 0 = g_malloc'd */
  gint32         *codes;        /* CATEGORICAL: n_rows */
  char          **categories;   /* CATEGORICAL: NULL-terminated */
  guint           n_categories;
  char          **text;         /* TEXT: n_rows, NULL = missing */

  gsize           memory_size;
  gsize           n_missing;     /* MISSING_UNKNOWN until counted (numeric) */
};

#define MISSING_UNKNOWN G_MAXSIZE

G_DEFINE_BOXED_TYPE (LbColumn, lb_column, lb_column_ref, lb_column_unref)

static LbColumn *
column_alloc (const char   *name,
              LbColumnKind  kind,
              gsize         n_rows)
{
  LbColumn *column = g_new0 (LbColumn, 1);

  g_atomic_ref_count_init (&column->ref_count);
  column->name = g_strdup (name);
  column->kind = kind;
  column->n_rows = n_rows;
  return column;
}

/* --- constructors --- */

LbColumn *
lb_column_new_numeric (const char *name,
                       double     *values,
                       gsize       n_rows)
{
  LbColumn *column;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (values != NULL || n_rows == 0, NULL);

  column = column_alloc (name, LB_COLUMN_NUMERIC, n_rows);
  column->values = values != NULL ? values : g_new0 (double, 1);
  column->memory_size = n_rows * sizeof (double);
  column->n_missing = MISSING_UNKNOWN;   /* counted on first use */
  return column;
}

LbColumn *
lb_column_new_numeric_mapped (const char *name,
                              double     *values,
                              gsize       n_rows,
                              gsize       mapped_size)
{
  LbColumn *column;

  g_return_val_if_fail (values != NULL, NULL);
  g_return_val_if_fail (mapped_size >= n_rows * sizeof (double), NULL);

  column = lb_column_new_numeric (name, values, n_rows);
  if (column != NULL)
    column->values_mapped = mapped_size;
  return column;
}

LbColumn *
lb_column_new_categorical (const char  *name,
                           gint32      *codes,
                           gsize        n_rows,
                           char       **categories)
{
  LbColumn *column;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (codes != NULL || n_rows == 0, NULL);

  column = column_alloc (name, LB_COLUMN_CATEGORICAL, n_rows);
  column->codes = codes != NULL ? codes : g_new0 (gint32, 1);
  column->categories = categories != NULL ? categories : g_new0 (char *, 1);
  column->n_categories = g_strv_length (column->categories);
  column->memory_size = n_rows * sizeof (gint32);
  for (guint c = 0; c < column->n_categories; c++)
    column->memory_size += strlen (column->categories[c]) + 1 + sizeof (char *);
  for (gsize i = 0; i < n_rows; i++)
    {
      /* A code outside the categories is a programmer error; treat it as missing. */
      if (codes[i] < 0 || (guint) codes[i] >= column->n_categories)
        {
          g_warn_if_fail (codes[i] == -1);
          codes[i] = -1;
          column->n_missing++;
        }
    }
  return column;
}

LbColumn *
lb_column_new_text (const char  *name,
                    char       **values,
                    gsize        n_rows)
{
  LbColumn *column;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (values != NULL || n_rows == 0, NULL);

  column = column_alloc (name, LB_COLUMN_TEXT, n_rows);
  column->text = values != NULL ? values : g_new0 (char *, 1);
  column->memory_size = n_rows * sizeof (char *);
  for (gsize i = 0; i < n_rows; i++)
    {
      if (values[i] == NULL)
        column->n_missing++;
      else
        column->memory_size += strlen (values[i]) + 1;
    }
  return column;
}

LbColumn *
lb_column_new_renamed (LbColumn   *column,
                       const char *name)
{
  LbColumn *owner;
  LbColumn *copy;

  g_return_val_if_fail (column != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  owner = column->owner != NULL ? column->owner : column;
  copy = column_alloc (name, column->kind, column->n_rows);
  copy->owner = lb_column_ref (owner);
  copy->values = owner->values;
  copy->codes = owner->codes;
  copy->categories = owner->categories;
  copy->n_categories = owner->n_categories;
  copy->text = owner->text;
  copy->memory_size = owner->memory_size;
  copy->n_missing = owner->n_missing;
  return copy;
}

LbColumn *
lb_column_ref (LbColumn *column)
{
  g_return_val_if_fail (column != NULL, NULL);
  g_atomic_ref_count_inc (&column->ref_count);
  return column;
}

void
lb_column_unref (LbColumn *column)
{
  g_return_if_fail (column != NULL);

  if (!g_atomic_ref_count_dec (&column->ref_count))
    return;

  if (column->owner != NULL)
    lb_column_unref (column->owner);
  else
    {
      if (column->values_mapped > 0)
        munmap (column->values, column->values_mapped);
      else
        g_free (column->values);
      g_free (column->codes);
      g_strfreev (column->categories);
      if (column->text != NULL)
        {
          for (gsize i = 0; i < column->n_rows; i++)
            g_free (column->text[i]);
          g_free (column->text);
        }
    }
  g_free (column->name);
  g_free (column);
}

/* --- accessors --- */

const char *
lb_column_get_name (LbColumn *column)
{
  g_return_val_if_fail (column != NULL, NULL);
  return column->name;
}

LbColumnKind
lb_column_get_kind (LbColumn *column)
{
  g_return_val_if_fail (column != NULL, LB_COLUMN_NUMERIC);
  return column->kind;
}

gsize
lb_column_get_n_rows (LbColumn *column)
{
  g_return_val_if_fail (column != NULL, 0);
  return column->n_rows;
}

const double *
lb_column_get_numeric (LbColumn *column)
{
  g_return_val_if_fail (column != NULL, NULL);
  return column->kind == LB_COLUMN_NUMERIC ? column->values : NULL;
}

const gint32 *
lb_column_get_codes (LbColumn *column)
{
  g_return_val_if_fail (column != NULL, NULL);
  return column->kind == LB_COLUMN_CATEGORICAL ? column->codes : NULL;
}

guint
lb_column_get_n_categories (LbColumn *column)
{
  g_return_val_if_fail (column != NULL, 0);
  return column->n_categories;
}

const char * const *
lb_column_get_categories (LbColumn *column)
{
  g_return_val_if_fail (column != NULL, NULL);
  return column->kind == LB_COLUMN_CATEGORICAL ? (const char * const *) column->categories : NULL;
}

const char * const *
lb_column_get_text (LbColumn *column)
{
  g_return_val_if_fail (column != NULL, NULL);
  return column->kind == LB_COLUMN_TEXT ? (const char * const *) column->text : NULL;
}

gboolean
lb_column_is_missing (LbColumn *column,
                      gsize     row)
{
  g_return_val_if_fail (column != NULL, TRUE);
  g_return_val_if_fail (row < column->n_rows, TRUE);

  switch (column->kind)
    {
    case LB_COLUMN_NUMERIC:
      return isnan (column->values[row]);
    case LB_COLUMN_CATEGORICAL:
      return column->codes[row] < 0;
    case LB_COLUMN_TEXT:
    default:
      return column->text[row] == NULL;
    }
}

gsize
lb_column_count_missing (LbColumn *column)
{
  gsize n_missing;

  g_return_val_if_fail (column != NULL, 0);

  /* Two threads may both count; they store the same number. */
  n_missing = (gsize) g_atomic_pointer_get (&column->n_missing);
  if (n_missing == MISSING_UNKNOWN)
    {
      n_missing = 0;
      for (gsize i = 0; i < column->n_rows; i++)
        n_missing += isnan (column->values[i]) ? 1 : 0;
      g_atomic_pointer_set (&column->n_missing, n_missing);
    }
  return n_missing;
}

gsize
lb_column_get_memory_size (LbColumn *column)
{
  g_return_val_if_fail (column != NULL, 0);
  return column->memory_size;
}

/* The shortest of %.15g, %.16g, %.17g that reads back as the same double. */
static char *
format_double (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("");
  if (isinf (value))
    return g_strdup (value > 0 ? "inf" : "-inf");
  for (int precision = 15; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (precision == 17 || g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  return g_strdup (buffer);
}

char *
lb_column_format_value (LbColumn *column,
                        gsize     row)
{
  g_return_val_if_fail (column != NULL, NULL);
  g_return_val_if_fail (row < column->n_rows, NULL);

  switch (column->kind)
    {
    case LB_COLUMN_NUMERIC:
      return format_double (column->values[row]);
    case LB_COLUMN_CATEGORICAL:
      return g_strdup (column->codes[row] < 0 ? "" : column->categories[column->codes[row]]);
    case LB_COLUMN_TEXT:
    default:
      return g_strdup (column->text[row] != NULL ? column->text[row] : "");
    }
}

const char *
lb_column_kind_to_string (LbColumnKind kind)
{
  switch (kind)
    {
    case LB_COLUMN_NUMERIC:
      return _("numeric");
    case LB_COLUMN_CATEGORICAL:
      return _("categorical");
    case LB_COLUMN_TEXT:
      return _("text");
    default:
      return "?";
    }
}
