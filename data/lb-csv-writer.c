/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-csv-writer.c: an LbTable as RFC 4180 CSV. Written to a temporary file in
 * the same folder, flushed and renamed over the target, so a failed or
 * interrupted write never leaves a half file under the user's name. Numbers
 * are written in their shortest form that reads back to the same double.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "lb-csv-reader.h"
#include "lb-data-error.h"

static void
write_field (FILE       *out,
             const char *text)
{
  gboolean quote = text[0] == ' ' || (text[0] != '\0' && text[strlen (text) - 1] == ' ')
                   || strpbrk (text, ",\"\r\n") != NULL;

  if (!quote)
    {
      fputs (text, out);
      return;
    }
  fputc ('"', out);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        fputc ('"', out);
      fputc (*p, out);
    }
  fputc ('"', out);
}

static void
write_number (FILE   *out,
              double  value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };

  if (isnan (value))
    return;
  if (isinf (value))
    {
      fputs (value > 0 ? "inf" : "-inf", out);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buffer, sizeof buffer, formats[i], value);
      if (i == G_N_ELEMENTS (formats) - 1 || g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  fputs (buffer, out);
}

static void
write_table (FILE    *out,
             LbTable *table)
{
  guint n_columns = lb_table_get_n_columns (table);
  gsize n_rows = lb_table_get_n_rows (table);

  for (guint c = 0; c < n_columns; c++)
    {
      if (c > 0)
        fputc (',', out);
      write_field (out, lb_column_get_name (lb_table_get_column (table, c)));
    }
  fputc ('\n', out);

  for (gsize r = 0; r < n_rows; r++)
    {
      for (guint c = 0; c < n_columns; c++)
        {
          LbColumn *column = lb_table_get_column (table, c);

          if (c > 0)
            fputc (',', out);
          switch (lb_column_get_kind (column))
            {
            case LB_COLUMN_NUMERIC:
              write_number (out, lb_column_get_numeric (column)[r]);
              break;
            case LB_COLUMN_CATEGORICAL:
              {
                gint32 code = lb_column_get_codes (column)[r];

                if (code >= 0)
                  write_field (out, lb_column_get_categories (column)[code]);
                break;
              }
            case LB_COLUMN_TEXT:
            default:
              {
                const char *text = lb_column_get_text (column)[r];

                if (text != NULL && *text == '\0')
                  fputs ("\"\"", out);   /* an empty string, not a missing value */
                else if (text != NULL)
                  write_field (out, text);
                break;
              }
            }
        }
      fputc ('\n', out);
    }
}

gboolean
lb_csv_write_file (LbTable     *table,
                   const char  *path,
                   GError     **error)
{
  g_autofree char *temp_path = NULL;
  FILE *out;
  int fd;
  int saved_errno = 0;

  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  temp_path = g_strconcat (path, ".XXXXXX", NULL);
  fd = g_mkstemp_full (temp_path, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_IO, _("cannot write %s: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }
  /* mkstemp makes 0600; a data file is as readable as any other the user writes */
  {
    mode_t mask = umask (0);

    umask (mask);
    fchmod (fd, 0666 & ~mask);
  }
  out = fdopen (fd, "w");
  if (out == NULL)
    {
      saved_errno = errno;
      close (fd);
    }
  else
    {
      write_table (out, table);
      if (ferror (out) || fflush (out) != 0 || fsync (fileno (out)) != 0)
        saved_errno = errno != 0 ? errno : EIO;
      if (fclose (out) != 0 && saved_errno == 0)
        saved_errno = errno;
    }
  if (saved_errno == 0 && g_rename (temp_path, path) != 0)
    saved_errno = errno;
  if (saved_errno != 0)
    {
      g_unlink (temp_path);
      g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_IO, _("cannot write %s: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}
