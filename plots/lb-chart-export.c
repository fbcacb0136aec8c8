/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-chart-export.c: a chart into a PNG, SVG or PDF file with no display:
 * the same render function draws onto a cairo image / SVG / PDF surface that
 * streams into memory, and the bytes are written with g_file_set_contents()
 * (atomic, and with an error message that names the real cause).
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "lb-chart-private.h"

typedef enum
{
  FORMAT_PNG,
  FORMAT_SVG,
  FORMAT_PDF,
} Format;

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
format_from_path (const char  *path,
                  Format      *format,
                  GError     **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".png"))
    *format = FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = FORMAT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = FORMAT_PDF;
  else
    {
      g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_EXPORT,
                   _("Cannot tell the format of “%s”: use a name ending in .png, .svg or .pdf"), path);
      return FALSE;
    }
  return TRUE;
}

gboolean
lb_chart_export (LbChart     *chart,
                 const char  *path,
                 int          width,
                 int          height,
                 GError     **error)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  cairo_t *cr;
  Format format;
  gboolean ok;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!format_from_path (path, &format, error))
    return FALSE;
  if (width < 16 || height < 16 || width > 20000 || height > 20000)
    {
      g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_EXPORT,
                   _("A chart of %d × %d cannot be exported: use 16 to 20000 on each side"),
                   width, height);
      return FALSE;
    }

  switch (format)
    {
    case FORMAT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      break;
    case FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_bytes, bytes, width, height);
      break;
    case FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, lb_chart_get_title (chart));
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Learnbench");
      break;
    default:
      g_assert_not_reached ();
    }

  cr = cairo_create (surface);
  ok = lb_chart_render (chart, cr, width, height, error);
  cairo_destroy (cr);
  if (ok && format == FORMAT_PNG)
    cairo_surface_write_to_png_stream (surface, append_bytes, bytes);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (!ok)
    return FALSE;
  if (status != CAIRO_STATUS_SUCCESS || bytes->len == 0)
    {
      g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_EXPORT,
                   _("Cannot write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }

  {
    g_autoptr (GError) local = NULL;
    if (!g_file_set_contents (path, (const char *) bytes->data, bytes->len, &local))
      {
        g_set_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_EXPORT,
                     _("Cannot write “%s”: %s"), path, local->message);
        return FALSE;
      }
  }
  return TRUE;
}
