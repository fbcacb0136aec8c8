/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-number-parser.c: lb_parse_double must accept exactly what
 * g_ascii_strtod accepts (the whole field, blanks around allowed) and return
 * the very same double, bit for bit: edge cases by hand, then millions of
 * seeded random decimal strings.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lb-data.h"

/* The reference: g_ascii_strtod on the trimmed field, which must be consumed whole. */
static gboolean
reference_parse (const char *text,
                 double     *out)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *stop = NULL;

  if (*copy == '\0')
    return FALSE;
  *out = g_ascii_strtod (copy, &stop);
  return *stop == '\0';
}

static gboolean
same_double (double a,
             double b)
{
  if (isnan (a) && isnan (b))
    return TRUE;
  return memcmp (&a, &b, sizeof a) == 0;
}

static void
check_one (const char *text)
{
  double expected = 0, got = 0;
  gboolean expected_ok = reference_parse (text, &expected);
  gboolean got_ok = lb_parse_double (text, text + strlen (text), &got);

  if (expected_ok != got_ok || (expected_ok && !same_double (expected, got)))
    {
      g_autofree char *msg = g_strdup_printf ("'%s': expected %s %.17g, got %s %.17g", text,
                                              expected_ok ? "number" : "reject", expected,
                                              got_ok ? "number" : "reject", got);
      g_test_message ("%s", msg);
      g_test_fail ();
    }
}

static void
test_edge_cases (void)
{
  const char *cases[] = {
    "0", "-0", "+0", "0.0", "-0.0", "00000", "0e999999", "-0e-5",
    ".5", "5.", "+3", "-3", " 12 ", "\t7\t", "  -1.25e3  ",
    "1e400", "-1e400", "1e-400", "1e308", "1.7976931348623157e308", "1.7976931348623158e308",
    "1.7976931348623159e308", "2.2250738585072014e-308", "2.2250738585072011e-308",
    "4.9406564584124654e-324", "5e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
    "9007199254740992", "9007199254740993", "9007199254740993.0000000001",
    "123456789012345", "1234567890123456", "12345678901234567890", "0.1", "0.30000000000000004",
    "1e22", "1e23", "123456789012345e8", "1.5e37", "3e-22", "3e-23",
    "0.000000000000000000000000000001", "100000000000000000000000", "1000000000000000000000.5",
    "7.2057594037927933e16", "8.3252", "452600.0", "-122.23", "37.88",
    "inf", "-inf", "+INF", "Infinity", "-infinity", "nan", "NaN", "-nan", "nan(123)", "infx",
    "NA", "N/A", "?", "null", "", " ", ".", "-", "+", "e5", "1e", "1e+", "1e-", "1.2.3", "1,5",
    "12abc", "0x1p3", "0x10", "0x", "--1", "+-1", "1 2", "1e5.5", "١٢", "1_000",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    check_one (cases[i]);

  /* and by value, against the closed forms */
  {
    double v = 0;

    g_assert_true (lb_parse_double ("-0", (const char *) "-0" + 2, &v));
    g_assert_true (signbit (v) && v == 0.0);
    g_assert_true (lb_parse_double (" .5", (const char *) " .5" + 3, &v));
    g_assert_cmpfloat (v, ==, 0.5);
    g_assert_true (lb_parse_double ("1e400", (const char *) "1e400" + 5, &v));
    g_assert_true (isinf (v) && v > 0);
    g_assert_false (lb_parse_double ("NA", (const char *) "NA" + 2, &v));
  }
}

/* A sub-range of a longer buffer: the parser must not read past @end. */
static void
test_range (void)
{
  const char *text = "12.5,7e3";
  double v = 0;

  g_assert_true (lb_parse_double (text, text + 4, &v));
  g_assert_cmpfloat (v, ==, 12.5);
  g_assert_true (lb_parse_double (text + 5, text + 8, &v));
  g_assert_cmpfloat (v, ==, 7000.0);
  g_assert_true (lb_parse_double (text, text + 1, &v));
  g_assert_cmpfloat (v, ==, 1.0);
  g_assert_false (lb_parse_double (text, text, &v));
}

static void
append_digits (GString *s,
               GRand   *rand,
               int      n)
{
  for (int i = 0; i < n; i++)
    g_string_append_c (s, (char) ('0' + g_rand_int_range (rand, 0, 10)));
}

static void
random_number (GString *s,
               GRand   *rand)
{
  int n_int = g_rand_int_range (rand, 0, 22);
  int n_frac = g_rand_int_range (rand, 0, 22);
  int shape = g_rand_int_range (rand, 0, 100);

  g_string_truncate (s, 0);
  if (shape < 5)
    g_string_append_c (s, ' ');
  switch (g_rand_int_range (rand, 0, 4))
    {
    case 0: g_string_append_c (s, '-'); break;
    case 1: g_string_append_c (s, '+'); break;
    default: break;
    }
  if (shape < 40)
    {
      /* typical data: few digits */
      n_int = g_rand_int_range (rand, 0, 7);
      n_frac = g_rand_int_range (rand, 0, 7);
    }
  if (g_rand_int_range (rand, 0, 10) == 0)
    g_string_append (s, "000");
  append_digits (s, rand, n_int);
  if (n_frac > 0 || g_rand_boolean (rand))
    g_string_append_c (s, '.');
  append_digits (s, rand, n_frac);
  if (shape >= 50)
    {
      int e;

      if (shape < 80)
        e = g_rand_int_range (rand, -30, 31);
      else if (shape < 95)
        e = g_rand_int_range (rand, -330, 320);
      else
        e = g_rand_int_range (rand, -2000, 2000);
      g_string_append_printf (s, "%s%d", g_rand_boolean (rand) ? "e" : "E", e);
    }
  if (shape % 7 == 0)
    g_string_append_c (s, '\t');
}

static void
test_random (void)
{
  /* 2 million strings in a normal run (about a second), 20 million with -m slow */
  guint n = g_test_slow () ? 20000000 : 2000000;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260514);
  g_autoptr(GString) s = g_string_new (NULL);
  guint accepted = 0;

  for (guint i = 0; i < n; i++)
    {
      double expected = 0, got = 0;
      gboolean expected_ok, got_ok;

      random_number (s, rand);
      expected_ok = reference_parse (s->str, &expected);
      got_ok = lb_parse_double (s->str, s->str + s->len, &got);
      if (expected_ok != got_ok || (expected_ok && !same_double (expected, got)))
        g_error ("'%s': expected %s %.17g, got %s %.17g", s->str,
                 expected_ok ? "number" : "reject", expected, got_ok ? "number" : "reject", got);
      accepted += got_ok;
    }
  /* most random strings are numbers; a few ("", "-.", "+") are not */
  g_assert_cmpuint (accepted, >, n * 9 / 10);
}

/* Doubles printed at 17 digits read back to themselves (and to what strtod says). */
static void
test_round_trip (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (guint i = 0; i < 500000; i++)
    {
      guint64 bits = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);
      double value, got = 0;

      memcpy (&value, &bits, sizeof value);
      if (!isfinite (value))
        continue;
      g_ascii_formatd (buffer, sizeof buffer, i % 2 ? "%.17g" : "%.15g", value);
      if (i % 2)
        {
          g_assert_true (lb_parse_double (buffer, buffer + strlen (buffer), &got));
          g_assert_true (same_double (got, value));
        }
      else
        check_one (buffer);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/learnbench/data/NumberParser/edge-cases", test_edge_cases);
  g_test_add_func ("/learnbench/data/NumberParser/range", test_range);
  g_test_add_func ("/learnbench/data/NumberParser/random", test_random);
  g_test_add_func ("/learnbench/data/NumberParser/round-trip", test_round_trip);
  return g_test_run ();
}
