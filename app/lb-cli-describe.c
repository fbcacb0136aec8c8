/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-cli-describe.c: `learnbench describe FILE [--json]`. Loads a file (or a
 * "sample:NAME") and prints pandas' info() and describe(), aligned for a
 * terminal, or one JSON object whose numbers are printed with 17 significant
 * digits so a reader gets back exactly the doubles we computed.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lb-cli.h"
#include "lb-cli-private.h"
#include "lb-data.h"

/* --- JSON --- */

/* Machine names of the kinds: stable, never translated. */
static const char *
kind_json_name (LbColumnKind kind)
{
  switch (kind)
    {
    case LB_COLUMN_NUMERIC:
      return "numeric";
    case LB_COLUMN_CATEGORICAL:
      return "categorical";
    case LB_COLUMN_TEXT:
    default:
      return "text";
    }
}

static void
json_append_key (GString    *out,
                 const char *key)
{
  g_string_append (out, ", ");
  lb_cli_json_append_string (out, key);
  g_string_append (out, ": ");
}

static char *
describe_to_json (LbProfile *profile)
{
  LbTable *table = profile->table;
  GString *out = g_string_new (NULL);
  guint n_columns = lb_table_get_n_columns (table);

  g_string_append_printf (out, "{\"rows\": %" G_GSIZE_FORMAT ", \"columns\": [",
                          lb_table_get_n_rows (table));
  for (guint c = 0; c < n_columns; c++)
    {
      const LbColumnInfo *info = &g_array_index (profile->info, LbColumnInfo, c);

      g_string_append (out, c == 0 ? "\n  {\"name\": " : ",\n  {\"name\": ");
      lb_cli_json_append_string (out, info->name);
      json_append_key (out, "dtype");
      lb_cli_json_append_string (out, kind_json_name (info->kind));
      json_append_key (out, "non_null");
      g_string_append_printf (out, "%" G_GSIZE_FORMAT, info->non_null);

      if (info->kind == LB_COLUMN_NUMERIC)
        {
          const LbNumericSummary *s = &profile->summaries[c];
          const struct { const char *key; double value; } stats[] = {
            { "mean", s->mean }, { "std", s->std }, { "min", s->min },
            { "25%", s->q25 }, { "50%", s->q50 }, { "75%", s->q75 },
            { "max", s->max },
          };

          json_append_key (out, "count");
          g_string_append_printf (out, "%" G_GSIZE_FORMAT, s->count);
          for (guint k = 0; k < G_N_ELEMENTS (stats); k++)
            {
              json_append_key (out, stats[k].key);
              lb_cli_json_append_double (out, stats[k].value);
            }
        }
      else
        {
          const LbValueCounts *counts = profile->counts[c];

          json_append_key (out, "count");
          g_string_append_printf (out, "%" G_GSIZE_FORMAT, info->non_null);
          json_append_key (out, "unique");
          g_string_append_printf (out, "%u", counts != NULL ? counts->n_values : 0);
          json_append_key (out, "top");
          if (counts != NULL && counts->n_values > 0)
            lb_cli_json_append_string (out, counts->values[0]);
          else
            g_string_append (out, "null");
          json_append_key (out, "freq");
          if (counts != NULL && counts->n_values > 0)
            g_string_append_printf (out, "%" G_GSIZE_FORMAT, counts->counts[0]);
          else
            g_string_append (out, "null");
        }
      g_string_append_c (out, '}');
    }
  g_string_append (out, "\n]}\n");
  return g_string_free (out, FALSE);
}

/* --- text --- */

/* Like pandas' display: 6 significant digits, "NaN" for missing. */
static char *
format_stat (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("NaN");
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.6g", value));
}

static void
print_info (LbProfile *profile,
            GString   *out)
{
  LbTable *table = profile->table;
  guint n_columns = lb_table_get_n_columns (table);
  gsize n_rows = lb_table_get_n_rows (table);
  g_autoptr (LbTextGrid) grid = lb_text_grid_new (5);
  g_autofree char *total = NULL;
  guint n_kind[3] = { 0, 0, 0 };
  gsize memory = 0;

  if (lb_table_get_source (table) != NULL)
    g_string_append_printf (out, "%s\n", lb_table_get_source (table));
  if (n_rows > 0)
    g_string_append_printf (out, _("%lu entries, 0 to %lu\n"),
                            (gulong) n_rows, (gulong) (n_rows - 1));
  else
    g_string_append_printf (out, _("0 entries\n"));
  g_string_append_printf (out, _("Data columns (total %u columns):\n"), n_columns);

  lb_text_grid_add_row (grid, " #", _("Column"), _("Non-Null Count"), _("Dtype"), _("Memory"));
  lb_text_grid_add_rule (grid);
  for (guint c = 0; c < n_columns; c++)
    {
      const LbColumnInfo *info = &g_array_index (profile->info, LbColumnInfo, c);
      g_autofree char *index = g_strdup_printf (" %u", c);
      g_autofree char *non_null = g_strdup_printf (_("%lu non-null"), (gulong) info->non_null);
      g_autofree char *size = g_format_size (info->memory);

      lb_text_grid_add_row (grid, index, info->name, non_null,
                            lb_column_kind_to_string (info->kind), size);
      n_kind[info->kind]++;
      memory += info->memory;
    }
  lb_text_grid_print (grid, out);

  total = g_format_size (memory);
  g_string_append_printf (out, _("dtypes: numeric(%u), categorical(%u), text(%u)\n"),
                          n_kind[LB_COLUMN_NUMERIC], n_kind[LB_COLUMN_CATEGORICAL],
                          n_kind[LB_COLUMN_TEXT]);
  g_string_append_printf (out, _("memory usage: %s\n"), total);
}

/* describe() transposed (one line per column), which stays readable in a
 * terminal however many columns there are. */
static void
print_describe (LbProfile *profile,
                GString   *out)
{
  LbTable *table = profile->table;
  guint n_columns = lb_table_get_n_columns (table);
  g_autoptr (LbTextGrid) numeric = lb_text_grid_new (9);
  g_autoptr (LbTextGrid) other = lb_text_grid_new (5);
  guint n_numeric = 0, n_other = 0;

  lb_text_grid_set_right_aligned (numeric, 1, 8);
  lb_text_grid_add_row (numeric, "", "count", "mean", "std", "min", "25%", "50%", "75%", "max");
  lb_text_grid_set_right_aligned (other, 1, 4);
  lb_text_grid_set_right_aligned (other, 4, 4);
  lb_text_grid_add_row (other, "", "count", "unique", "top", "freq");

  for (guint c = 0; c < n_columns; c++)
    {
      const LbColumnInfo *info = &g_array_index (profile->info, LbColumnInfo, c);

      if (info->kind == LB_COLUMN_NUMERIC)
        {
          const LbNumericSummary *s = &profile->summaries[c];
          g_autofree char *count = g_strdup_printf ("%" G_GSIZE_FORMAT, s->count);
          g_autofree char *mean = format_stat (s->mean);
          g_autofree char *std = format_stat (s->std);
          g_autofree char *min = format_stat (s->min);
          g_autofree char *q25 = format_stat (s->q25);
          g_autofree char *q50 = format_stat (s->q50);
          g_autofree char *q75 = format_stat (s->q75);
          g_autofree char *max = format_stat (s->max);

          lb_text_grid_add_row (numeric, info->name, count, mean, std, min, q25, q50, q75, max);
          n_numeric++;
        }
      else
        {
          const LbValueCounts *counts = profile->counts[c];
          gboolean any = counts != NULL && counts->n_values > 0;
          g_autofree char *count = g_strdup_printf ("%" G_GSIZE_FORMAT, info->non_null);
          g_autofree char *unique = g_strdup_printf ("%u", counts != NULL ? counts->n_values : 0);
          g_autofree char *freq = any ? g_strdup_printf ("%" G_GSIZE_FORMAT, counts->counts[0])
                                      : g_strdup ("NaN");

          lb_text_grid_add_row (other, info->name, count, unique,
                                any ? counts->values[0] : "NaN", freq);
          n_other++;
        }
    }

  if (n_numeric > 0)
    {
      g_string_append_printf (out, "\n%s\n", _("describe() of the numeric columns:"));
      lb_text_grid_print (numeric, out);
    }
  if (n_other > 0)
    {
      g_string_append_printf (out, "\n%s\n", _("describe() of the other columns:"));
      lb_text_grid_print (other, out);
    }
}

/* --- the command --- */

int
lb_cli_describe (int    argc,
                 char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object instead of tables"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_("FILE"));
  g_auto (GStrv) args = lb_cli_args_dup (argc, argv, "describe");
  g_autoptr (GError) error = NULL;
  g_autoptr (LbTable) table = NULL;
  g_autoptr (LbProfile) profile = NULL;
  g_autoptr (GString) out = NULL;

  g_option_context_set_summary (context,
                                _("Print info() and describe() of a data file (CSV, TSV, .gz, IDX) "
                                  "or of a sample (“sample:moons”)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse_strv (context, &args, &error))
    return lb_cli_usage_error (context, error->message);
  if (g_strv_length (args) != 2)
    return lb_cli_usage_error (context, _("Give exactly one file."));

  table = lb_load_table (args[1], NULL, NULL, NULL, &error);
  if (table == NULL)
    return lb_cli_failure (error);
  profile = lb_profile_compute (table, NULL, &error);
  if (profile == NULL)
    return lb_cli_failure (error);

  if (json)
    {
      g_autofree char *text = describe_to_json (profile);

      fputs (text, stdout);
    }
  else
    {
      out = g_string_new (NULL);
      print_info (profile, out);
      print_describe (profile, out);
      fputs (out->str, stdout);
    }
  return fflush (stdout) == 0 ? 0 : 1;
}
