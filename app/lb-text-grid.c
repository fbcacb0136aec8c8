/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-text-grid.c: aligned plain-text tables for the CLI. Rows are kept until
 * printing because a column's width is that of its widest cell.
 */
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "lb-text-grid.h"

struct _LbTextGrid
{
  guint      n_columns;
  GPtrArray *rows;           /* of GStrv; NULL = a rule */
  gboolean  *right_aligned;  /* n_columns */
};

LbTextGrid *
lb_text_grid_new (guint n_columns)
{
  LbTextGrid *grid = g_new0 (LbTextGrid, 1);

  g_return_val_if_fail (n_columns > 0, NULL);

  grid->n_columns = n_columns;
  grid->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  grid->right_aligned = g_new0 (gboolean, n_columns);
  return grid;
}

void
lb_text_grid_free (LbTextGrid *grid)
{
  if (grid == NULL)
    return;
  g_ptr_array_unref (grid->rows);
  g_free (grid->right_aligned);
  g_free (grid);
}

void
lb_text_grid_set_right_aligned (LbTextGrid *grid,
                                guint       first,
                                guint       last)
{
  g_return_if_fail (grid != NULL);
  g_return_if_fail (first <= last && last < grid->n_columns);

  for (guint c = first; c <= last; c++)
    grid->right_aligned[c] = TRUE;
}

void
lb_text_grid_add_row_strv (LbTextGrid         *grid,
                           const char * const *cells)
{
  GStrv row;

  g_return_if_fail (grid != NULL);

  row = g_new0 (char *, grid->n_columns + 1);
  for (guint c = 0; c < grid->n_columns; c++)
    row[c] = g_strdup (cells[c] != NULL ? cells[c] : "");
  g_ptr_array_add (grid->rows, row);
}

void
lb_text_grid_add_row (LbTextGrid *grid,
                      ...)
{
  g_autofree const char **cells = NULL;
  va_list args;

  g_return_if_fail (grid != NULL);

  cells = g_new0 (const char *, grid->n_columns);
  va_start (args, grid);
  for (guint c = 0; c < grid->n_columns; c++)
    cells[c] = va_arg (args, const char *);
  va_end (args);
  lb_text_grid_add_row_strv (grid, cells);
}

void
lb_text_grid_add_rule (LbTextGrid *grid)
{
  g_return_if_fail (grid != NULL);
  g_ptr_array_add (grid->rows, NULL);
}

guint
lb_text_width (const char *text)
{
  guint width = 0;

  if (!g_utf8_validate (text, -1, NULL))
    return (guint) strlen (text);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (ch))
        continue;
      width += g_unichar_iswide (ch) ? 2 : 1;
    }
  return width;
}

static void
append_spaces (GString *out,
               guint    n)
{
  for (guint i = 0; i < n; i++)
    g_string_append_c (out, ' ');
}

void
lb_text_grid_print (LbTextGrid *grid,
                    GString    *out)
{
  g_autofree guint *widths = NULL;

  g_return_if_fail (grid != NULL);

  widths = g_new0 (guint, grid->n_columns);
  for (guint r = 0; r < grid->rows->len; r++)
    {
      GStrv row = g_ptr_array_index (grid->rows, r);

      for (guint c = 0; row != NULL && c < grid->n_columns; c++)
        widths[c] = MAX (widths[c], lb_text_width (row[c]));
    }

  for (guint r = 0; r < grid->rows->len; r++)
    {
      GStrv row = g_ptr_array_index (grid->rows, r);
      gsize line_start = out->len;

      for (guint c = 0; c < grid->n_columns; c++)
        {
          if (c > 0)
            g_string_append (out, "  ");
          if (row == NULL)
            {
              for (guint i = 0; i < widths[c]; i++)
                g_string_append_c (out, '-');
              continue;
            }
          if (grid->right_aligned[c])
            {
              append_spaces (out, widths[c] - lb_text_width (row[c]));
              g_string_append (out, row[c]);
            }
          else
            {
              g_string_append (out, row[c]);
              append_spaces (out, widths[c] - lb_text_width (row[c]));
            }
        }
      /* no trailing blanks */
      while (out->len > line_start && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append_c (out, '\n');
    }
}
