/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-number-parser.c: lb_parse_double, the reader's number parser. The fast
 * path lives inline in lb-number-parser-private.h; this file holds the exact
 * fallback, g_ascii_strtod on a NUL-terminated copy of the field.
 */
#include "config.h"

#include <string.h>

#include "lb-csv-reader.h"
#include "lb-number-parser-private.h"

gboolean
lb_parse_double_slow (const char *begin,
                      const char *end,
                      double     *out)
{
  char stack_buffer[128];
  g_autofree char *heap_buffer = NULL;
  gsize len;
  char *copy;
  char *stop = NULL;
  double value;

  while (begin < end && lb_is_blank (*begin))
    begin++;
  while (end > begin && lb_is_blank (end[-1]))
    end--;
  len = (gsize) (end - begin);
  if (len == 0)
    return FALSE;
  if (memchr (begin, '\0', len) != NULL)
    return FALSE;

  if (len < sizeof stack_buffer)
    copy = stack_buffer;
  else
    copy = heap_buffer = g_malloc (len + 1);
  memcpy (copy, begin, len);
  copy[len] = '\0';

  value = g_ascii_strtod (copy, &stop);
  if (stop != copy + len)
    return FALSE;
  *out = value;
  return TRUE;
}

gboolean
lb_parse_double (const char *begin,
                 const char *end,
                 double     *out)
{
  double value;

  g_return_val_if_fail (begin != NULL || begin == end, FALSE);
  g_return_val_if_fail (begin <= end, FALSE);

  if (!lb_parse_double_inline (begin, end, &value))
    return FALSE;
  if (out != NULL)
    *out = value;
  return TRUE;
}
