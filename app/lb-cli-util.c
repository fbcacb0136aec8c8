/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-cli-util.c: helpers shared by the CLI sub-commands (see lb-cli-private.h).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <sys/resource.h>

#include "lb-cli-private.h"

GStrv
lb_cli_args_dup (int          argc,
                 char       **argv,
                 const char  *command)
{
  GStrv args = g_new0 (char *, argc + 1);
  g_autofree char *prgname = g_strdup_printf ("learnbench %s", command);

  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);
  g_set_prgname (prgname);
  return args;
}

int
lb_cli_usage_error (GOptionContext *context,
                    const char     *message)
{
  g_printerr ("%s\n", message);
  g_printerr (_("Run “%s --help” to see the options.\n"), g_get_prgname ());
  return 2;
}

int
lb_cli_failure (const GError *error)
{
  g_printerr ("%s\n", error->message);
  return 1;
}

/* A "Key:   1234 kB" line of /proc/self/status, in bytes. */
static guint64
read_status_kb (const char *key)
{
  g_autofree char *contents = NULL;
  gsize key_len = strlen (key);

  if (!g_file_get_contents ("/proc/self/status", &contents, NULL, NULL))
    return 0;
  for (char *line = contents; line != NULL && *line != '\0';)
    {
      char *next = strchr (line, '\n');

      if (strncmp (line, key, key_len) == 0 && line[key_len] == ':')
        return g_ascii_strtoull (line + key_len + 1, NULL, 10) * 1024;
      line = next != NULL ? next + 1 : NULL;
    }
  return 0;
}

guint64
lb_cli_peak_rss (void)
{
  guint64 peak = read_status_kb ("VmHWM");
  struct rusage usage;

  /* ru_maxrss (kB on Linux) where /proc is not mounted */
  if (peak == 0 && getrusage (RUSAGE_SELF, &usage) == 0)
    peak = (guint64) usage.ru_maxrss * 1024;
  return peak;
}

guint64
lb_cli_current_rss (void)
{
  return read_status_kb ("VmRSS");
}

/* --- JSON output --- */

void
lb_cli_json_append_string (GString    *out,
                           const char *s)
{
  g_string_append_c (out, '"');
  for (const char *p = s; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);  /* UTF-8 passes through */
        }
    }
  g_string_append_c (out, '"');
}

/* "%.17g": enough digits for any double to read back bit-exact. JSON has no
 * NaN or infinity: those become null. */
void
lb_cli_json_append_double (GString *out,
                           double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.17g", value));
}
