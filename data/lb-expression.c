/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-expression.c: the book's "combined attributes" (total_rooms / households)
 * as a small recursive-descent parser into a tree, evaluated column-wise.
 * Positions in messages count characters from 1, as a user reads them.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-data-error.h"
#include "lb-expression.h"

/* --- the tree --- */

typedef enum
{
  NODE_NUMBER,
  NODE_COLUMN,
  NODE_NEGATE,
  NODE_ADD,
  NODE_SUBTRACT,
  NODE_MULTIPLY,
  NODE_DIVIDE,
  NODE_FUNCTION,
} NodeKind;

typedef enum
{
  FN_LOG,
  FN_LOG1P,
  FN_EXP,
  FN_SQRT,
  FN_ABS,
  FN_POW,
} Function;

static const struct
{
  const char *name;
  guint       n_args;
} functions[] = {
  [FN_LOG] = { "log", 1 },
  [FN_LOG1P] = { "log1p", 1 },
  [FN_EXP] = { "exp", 1 },
  [FN_SQRT] = { "sqrt", 1 },
  [FN_ABS] = { "abs", 1 },
  [FN_POW] = { "pow", 2 },
};

typedef struct _Node Node;
struct _Node
{
  NodeKind      kind;
  double        number;      /* NODE_NUMBER */
  const double *column;      /* NODE_COLUMN (borrowed from the table) */
  Function      function;    /* NODE_FUNCTION */
  Node         *args[2];     /* operands / arguments */
};

static void
node_free (Node *node)
{
  if (node == NULL)
    return;
  node_free (node->args[0]);
  node_free (node->args[1]);
  g_free (node);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Node, node_free)

static Node *
node_new (NodeKind kind,
          Node    *a,
          Node    *b)
{
  Node *node = g_new0 (Node, 1);

  node->kind = kind;
  node->args[0] = a;
  node->args[1] = b;
  return node;
}

/* --- the parser ---
 *
 *   expr    := term (('+' | '-') term)*
 *   term    := unary (('*' | '/') unary)*
 *   unary   := ('-' | '+') unary | primary
 *   primary := NUMBER | NAME | NAME '(' expr (',' expr)* ')' | '`' any '`' | '(' expr ')'
 */

typedef struct
{
  const char *text;
  const char *p;
  LbTable    *table;
  GError    **error;
} Parser;

/* the 1-based character position of @at */
static glong
position (Parser     *parser,
          const char *at)
{
  return g_utf8_pointer_to_offset (parser->text, at) + 1;
}

static void
skip_blanks (Parser *parser)
{
  while (*parser->p == ' ' || *parser->p == '\t' || *parser->p == '\n' || *parser->p == '\r')
    parser->p++;
}

static void
error_unexpected (Parser     *parser,
                  const char *at)
{
  if (*at == '\0')
    g_set_error (parser->error, LB_DATA_ERROR, LB_DATA_ERROR_INVALID,
                 _("the expression ends too early at %ld"), position (parser, at));
  else
    {
      g_autofree char *what = g_strndup (at, g_utf8_next_char (at) - at);

      g_set_error (parser->error, LB_DATA_ERROR, LB_DATA_ERROR_INVALID,
                   _("unexpected '%s' at %ld"), what, position (parser, at));
    }
}

/* names: letters of any script (Chinese column names), digits, '_', '.' */
static gboolean
is_name_start (const char *p)
{
  gunichar c = g_utf8_get_char (p);

  return c == '_' || (c < 0x80 ? g_ascii_isalpha (c) : g_unichar_isalpha (c));
}

static gboolean
is_name_char (const char *p)
{
  gunichar c = g_utf8_get_char (p);

  return is_name_start (p) || (c < 0x80 ? g_ascii_isdigit (c) || c == '.' : g_unichar_isdigit (c));
}

static Node *parse_expr (Parser *parser);

static Node *
column_node (Parser     *parser,
             const char *name,
             const char *at)
{
  LbColumn *column = lb_table_get_column_by_name (parser->table, name);
  Node *node;

  if (column == NULL)
    {
      g_set_error (parser->error, LB_DATA_ERROR, LB_DATA_ERROR_INVALID,
                   _("unknown column '%s' at %ld"), name, position (parser, at));
      return NULL;
    }
  if (lb_column_get_kind (column) != LB_COLUMN_NUMERIC)
    {
      g_set_error (parser->error, LB_DATA_ERROR, LB_DATA_ERROR_INVALID,
                   _("column '%s' is not numeric at %ld"), name, position (parser, at));
      return NULL;
    }
  node = node_new (NODE_COLUMN, NULL, NULL);
  node->column = lb_column_get_numeric (column);
  return node;
}

static Node *
parse_call (Parser     *parser,
            const char *name,
            const char *at)
{
  g_autoptr(Node) node = NULL;
  guint n_args = 0;
  int fn = -1;

  for (guint i = 0; i < G_N_ELEMENTS (functions); i++)
    if (strcmp (functions[i].name, name) == 0)
      fn = i;
  if (fn < 0)
    {
      g_set_error (parser->error, LB_DATA_ERROR, LB_DATA_ERROR_INVALID,
                   _("unknown function '%s' at %ld"), name, position (parser, at));
      return NULL;
    }

  node = node_new (NODE_FUNCTION, NULL, NULL);
  node->function = fn;
  parser->p++;  /* '(' */
  for (;;)
    {
      Node *arg;

      if (n_args == functions[fn].n_args)
        {
          g_set_error (parser->error, LB_DATA_ERROR, LB_DATA_ERROR_INVALID,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "'%s' takes %u argument, at %ld",
                                    "'%s' takes %u arguments, at %ld",
                                    functions[fn].n_args),
                       name, functions[fn].n_args, position (parser, at));
          return NULL;
        }
      arg = parse_expr (parser);
      if (arg == NULL)
        return NULL;
      node->args[n_args++] = arg;
      skip_blanks (parser);
      if (*parser->p == ',')
        {
          parser->p++;
          continue;
        }
      if (*parser->p == ')')
        {
          parser->p++;
          break;
        }
      error_unexpected (parser, parser->p);
      return NULL;
    }
  if (n_args != functions[fn].n_args)
    {
      g_set_error (parser->error, LB_DATA_ERROR, LB_DATA_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "'%s' takes %u argument, at %ld",
                                "'%s' takes %u arguments, at %ld",
                                functions[fn].n_args),
                   name, functions[fn].n_args, position (parser, at));
      return NULL;
    }
  return g_steal_pointer (&node);
}

static Node *
parse_primary (Parser *parser)
{
  const char *start;

  skip_blanks (parser);
  start = parser->p;

  if (g_ascii_isdigit (*start) || (*start == '.' && g_ascii_isdigit (start[1])))
    {
      char *end = NULL;
      double value = g_ascii_strtod (start, &end);
      Node *node;

      if (end == start || is_name_start (end))
        {
          error_unexpected (parser, end == start ? start : end);
          return NULL;
        }
      parser->p = end;
      node = node_new (NODE_NUMBER, NULL, NULL);
      node->number = value;
      return node;
    }

  if (*start == '`')
    {
      const char *close = strchr (start + 1, '`');
      g_autofree char *name = NULL;

      if (close == NULL)
        {
          g_set_error (parser->error, LB_DATA_ERROR, LB_DATA_ERROR_INVALID,
                       _("the quoted name at %ld has no closing '`'"), position (parser, start));
          return NULL;
        }
      name = g_strndup (start + 1, close - start - 1);
      parser->p = close + 1;
      return column_node (parser, name, start);
    }

  if (is_name_start (start))
    {
      g_autofree char *name = NULL;
      const char *end = start;

      while (*end != '\0' && is_name_char (end))
        end = g_utf8_next_char (end);
      name = g_strndup (start, end - start);
      parser->p = end;
      skip_blanks (parser);
      if (*parser->p == '(')
        return parse_call (parser, name, start);
      return column_node (parser, name, start);
    }

  if (*start == '(')
    {
      g_autoptr(Node) inner = NULL;

      parser->p++;
      inner = parse_expr (parser);
      if (inner == NULL)
        return NULL;
      skip_blanks (parser);
      if (*parser->p != ')')
        {
          if (*parser->p == '\0')
            g_set_error (parser->error, LB_DATA_ERROR, LB_DATA_ERROR_INVALID,
                         _("missing ')' for the '(' at %ld"), position (parser, start));
          else
            error_unexpected (parser, parser->p);
          return NULL;
        }
      parser->p++;
      return g_steal_pointer (&inner);
    }

  error_unexpected (parser, start);
  return NULL;
}

static Node *
parse_unary (Parser *parser)
{
  skip_blanks (parser);
  if (*parser->p == '-' || *parser->p == '+')
    {
      gboolean negate = *parser->p == '-';
      Node *operand;

      parser->p++;
      operand = parse_unary (parser);
      if (operand == NULL)
        return NULL;
      return negate ? node_new (NODE_NEGATE, operand, NULL) : operand;
    }
  return parse_primary (parser);
}

static Node *
parse_term (Parser *parser)
{
  g_autoptr(Node) left = parse_unary (parser);

  if (left == NULL)
    return NULL;
  for (;;)
    {
      NodeKind kind;
      Node *right;

      skip_blanks (parser);
      if (*parser->p == '*')
        kind = NODE_MULTIPLY;
      else if (*parser->p == '/')
        kind = NODE_DIVIDE;
      else
        return g_steal_pointer (&left);
      parser->p++;
      right = parse_unary (parser);
      if (right == NULL)
        return NULL;
      left = node_new (kind, g_steal_pointer (&left), right);
    }
}

static Node *
parse_expr (Parser *parser)
{
  g_autoptr(Node) left = parse_term (parser);

  if (left == NULL)
    return NULL;
  for (;;)
    {
      NodeKind kind;
      Node *right;

      skip_blanks (parser);
      if (*parser->p == '+')
        kind = NODE_ADD;
      else if (*parser->p == '-')
        kind = NODE_SUBTRACT;
      else
        return g_steal_pointer (&left);
      parser->p++;
      right = parse_term (parser);
      if (right == NULL)
        return NULL;
      left = node_new (kind, g_steal_pointer (&left), right);
    }
}

/* --- evaluation --- */

static double
eval_row (const Node *node,
          gsize       row)
{
  double a, b;

  switch (node->kind)
    {
    case NODE_NUMBER:
      return node->number;
    case NODE_COLUMN:
      return node->column[row];
    case NODE_NEGATE:
      return -eval_row (node->args[0], row);
    case NODE_ADD:
      return eval_row (node->args[0], row) + eval_row (node->args[1], row);
    case NODE_SUBTRACT:
      return eval_row (node->args[0], row) - eval_row (node->args[1], row);
    case NODE_MULTIPLY:
      return eval_row (node->args[0], row) * eval_row (node->args[1], row);
    case NODE_DIVIDE:
      a = eval_row (node->args[0], row);
      b = eval_row (node->args[1], row);
      return b == 0.0 ? NAN : a / b;
    case NODE_FUNCTION:
      a = eval_row (node->args[0], row);
      switch (node->function)
        {
        case FN_LOG:
          return log (a);
        case FN_LOG1P:
          return log1p (a);
        case FN_EXP:
          return exp (a);
        case FN_SQRT:
          return sqrt (a);
        case FN_ABS:
          return fabs (a);
        case FN_POW:
          b = eval_row (node->args[1], row);
          return pow (a, b);
        default:
          g_assert_not_reached ();
        }
    default:
      g_assert_not_reached ();
    }
}

LbColumn *
lb_expression_evaluate (LbTable     *table,
                        const char  *expression,
                        const char  *name,
                        GError     **error)
{
  Parser parser = { expression, expression, table, error };
  g_autoptr(Node) root = NULL;
  g_autofree double *values = NULL;
  gsize n;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (expression != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_utf8_validate (expression, -1, NULL))
    {
      g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_INVALID,
                   _("the expression is not valid UTF-8"));
      return NULL;
    }
  skip_blanks (&parser);
  if (*parser.p == '\0')
    {
      g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_INVALID, _("the expression is empty"));
      return NULL;
    }
  if (*name == '\0')
    {
      g_set_error (error, LB_DATA_ERROR, LB_DATA_ERROR_INVALID, _("the new column needs a name"));
      return NULL;
    }

  root = parse_expr (&parser);
  if (root == NULL)
    return NULL;
  skip_blanks (&parser);
  if (*parser.p != '\0')
    {
      error_unexpected (&parser, parser.p);
      return NULL;
    }

  /* missing values propagate as NaN through every operation; an infinite
   * result (x / 0 is caught above, log(0), overflow) is not a value either */
  n = lb_table_get_n_rows (table);
  values = g_new (double, MAX (n, 1));
  for (gsize i = 0; i < n; i++)
    {
      double v = eval_row (root, i);

      values[i] = isfinite (v) ? v : NAN;
    }
  return lb_column_new_numeric (name, g_steal_pointer (&values), n);
}
