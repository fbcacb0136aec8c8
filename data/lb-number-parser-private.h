/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-number-parser-private.h: the inline fast path of lb_parse_double, so the
 * CSV reader's inner loop can use it without a call. Clinger's fast path: up to
 * 15 significant digits and a power of ten up to 22 are exact doubles, so one
 * IEEE multiplication or division rounds correctly; anything else goes to
 * g_ascii_strtod (lb_parse_double_slow), which is correct for every input.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* [begin, end) through g_ascii_strtod on a NUL-terminated copy. */
gboolean lb_parse_double_slow (const char *begin,
                               const char *end,
                               double     *out);

static const double lb_exact_powers_of_ten[23] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

static inline gboolean
lb_is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static inline gboolean
lb_parse_double_inline (const char *begin,
                        const char *end,
                        double     *out)
{
  const char *p = begin;
  gboolean negative = FALSE;
  guint64 mantissa = 0;
  int n_significant = 0;   /* digits in mantissa, leading zeros not counted */
  int exponent = 0;        /* value = mantissa * 10^exponent */
  gboolean any_digit = FALSE;
  double value;

  while (p < end && lb_is_blank (*p))
    p++;
  if (p < end && (*p == '-' || *p == '+'))
    {
      negative = *p == '-';
      p++;
    }
  for (; p < end && (guint) (*p - '0') < 10; p++)
    {
      guint digit = (guint) (*p - '0');

      any_digit = TRUE;
      if (mantissa == 0 && digit == 0)
        continue;
      if (n_significant >= 15)
        return lb_parse_double_slow (begin, end, out);
      mantissa = mantissa * 10 + digit;
      n_significant++;
    }
  if (p < end && *p == '.')
    {
      for (p++; p < end && (guint) (*p - '0') < 10; p++)
        {
          guint digit = (guint) (*p - '0');

          any_digit = TRUE;
          if (mantissa == 0 && digit == 0)
            {
              exponent--;
              continue;
            }
          if (n_significant >= 15)
            return lb_parse_double_slow (begin, end, out);
          mantissa = mantissa * 10 + digit;
          n_significant++;
          exponent--;
        }
    }
  if (!any_digit)
    {
      /* "inf", "nan", or not a number at all: let strtod decide the first two. */
      if (p < end && (*p == 'i' || *p == 'I' || *p == 'n' || *p == 'N'))
        return lb_parse_double_slow (begin, end, out);
      return FALSE;
    }
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      gboolean exp_negative = FALSE;
      int exp_value = 0;

      p++;
      if (p < end && (*p == '-' || *p == '+'))
        {
          exp_negative = *p == '-';
          p++;
        }
      if (p == end || (guint) (*p - '0') >= 10)
        return lb_parse_double_slow (begin, end, out);  /* "1e", "1e+": strtod stops early */
      for (; p < end && (guint) (*p - '0') < 10; p++)
        {
          if (exp_value > 100000)
            return lb_parse_double_slow (begin, end, out);
          exp_value = exp_value * 10 + (*p - '0');
        }
      exponent += exp_negative ? -exp_value : exp_value;
    }
  while (p < end && lb_is_blank (*p))
    p++;
  if (p != end)
    return lb_parse_double_slow (begin, end, out);  /* hex floats, junk: strtod's call */

  if (mantissa == 0)
    value = 0.0;
  else if (exponent >= 0 && exponent <= 22)
    value = (double) mantissa * lb_exact_powers_of_ten[exponent];
  else if (exponent < 0 && exponent >= -22)
    value = (double) mantissa / lb_exact_powers_of_ten[-exponent];
  else if (exponent > 22 && exponent <= 22 + 15 - n_significant)
    /* mantissa * 10^(exponent - 22) still has at most 15 digits: exact */
    value = ((double) mantissa * lb_exact_powers_of_ten[exponent - 22]) * 1e22;
  else
    return lb_parse_double_slow (begin, end, out);

  *out = negative ? -value : value;
  return TRUE;
}

G_END_DECLS
