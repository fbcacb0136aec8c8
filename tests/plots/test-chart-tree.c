/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-chart-tree.c: the tree diagram (the book's Figure 6-1). The node
 * texts are compared with scikit-learn 1.2.1's export_graphviz for the same
 * tree; the boxes are checked by where their class colours fall; a depth
 * cut, a regressor, bad trees, and a large tree's natural size.
 */
#include "config.h"

#include "lb-plot-test-util.h"
#include "lb-chart-private.h"  /* lb_chart_tree_node_text: the texts of the boxes */

/* The book's Figure 6-1 tree, as scikit-learn 1.2.1 fits it:
 *   /usr/bin/python3 -c "from sklearn.datasets import load_iris;
 *     from sklearn.tree import DecisionTreeClassifier as T; d = load_iris (as_frame=True);
 *     X = d.data[['petal length (cm)', 'petal width (cm)']].values;
 *     t = T (max_depth=2, random_state=42).fit (X, d.target).tree_;
 *     print (t.children_left, t.children_right, t.feature, list (t.threshold),
 *            list (t.impurity), t.n_node_samples, t.value)" */
static LbTree *
iris_tree (void)
{
  static const int left[5] = { 1, -1, 3, -1, -1 }, right[5] = { 2, -1, 4, -1, -1 }, feature[5] = { 0, -1, 1, -1, -1 };
  static const double threshold[5] = { 2.449999988079071, -2, 1.75, -2, -2 };
  static const double impurity[5] = { 0.6666666666666667, 0.0, 0.5, 0.16803840877914955, 0.042533081285444196 };
  static const guint samples[5] = { 150, 50, 100, 54, 46 };
  static const double value[15] = { 50, 50, 50, 50, 0, 0, 0, 50, 50, 0, 49, 5, 0, 1, 45 };
  LbTree *tree = lb_tree_new (5, 2, 3, "gini");

  for (guint i = 0; i < 5; i++)
    {
      tree->nodes[i].left = left[i];
      tree->nodes[i].right = right[i];
      tree->nodes[i].feature = feature[i];
      tree->nodes[i].threshold = threshold[i];
      tree->nodes[i].impurity = impurity[i];
      tree->nodes[i].n_samples = samples[i];
      tree->nodes[i].weighted_n_samples = samples[i];
    }
  memcpy (tree->values, value, sizeof value);
  tree->max_depth = 2;
  return tree;
}

static const char *features[2] = { "petal length (cm)", "petal width (cm)" };
static const char *classes[3] = { "setosa", "versicolor", "virginica" };

static void
test_iris_texts (void)
{
  /* export_graphviz (t, feature_names=[...], class_names=iris.target_names)
   * labels, node by node (precision 3, its default) */
  static const char *expected[5] = {
    "petal length (cm) <= 2.45\ngini = 0.667\nsamples = 150\nvalue = [50, 50, 50]\nclass = setosa",
    "gini = 0.0\nsamples = 50\nvalue = [50, 0, 0]\nclass = setosa",
    "petal width (cm) <= 1.75\ngini = 0.5\nsamples = 100\nvalue = [0, 50, 50]\nclass = versicolor",
    "gini = 0.168\nsamples = 54\nvalue = [0, 49, 5]\nclass = versicolor",
    "gini = 0.043\nsamples = 46\nvalue = [0, 1, 45]\nclass = virginica",
  };
  g_autoptr (LbTree) tree = iris_tree ();
  LbTreeChartOptions opt = { features, classes, 0, 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (LbChart) chart = lb_chart_new_tree (tree, &opt, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *text = lb_chart_tree_node_text (chart, i);
      g_assert_cmpstr (text, ==, expected[i]);
    }
}

static gboolean
setosa_fill (guint r, guint g, guint b)
{
  /* tab10 blue #1f77b4 at 70 % over white (a pure node): (98, 160, 202) */
  return abs ((int) r - 98) < 8 && abs ((int) g - 160) < 8 && abs ((int) b - 202) < 8;
}

static gboolean
orangeish (guint r, guint g, guint b)
{
  return r > 240 && g > 140 && g < 200 && b < 150 && b + 60 < g;
}

static gboolean
greenish (guint r, guint g, guint b)
{
  return g > r + 40 && g > b + 40;
}

typedef struct { gsize n; double x, y; } Blob;

static Blob
blob (cairo_surface_t *s,
      PixelTest        test)
{
  int w = cairo_image_surface_get_width (s), h = cairo_image_surface_get_height (s);
  int stride = cairo_image_surface_get_stride (s);
  const guint8 *data = cairo_image_surface_get_data (s);
  Blob b = { 0, 0, 0 };

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 p = ((const guint32 *) (gconstpointer) (data + y * stride))[x];
        if (test ((p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff))
          {
            b.n++;
            b.x += x;
            b.y += y;
          }
      }
  if (b.n > 0)
    {
      b.x /= b.n;
      b.y /= b.n;
    }
  return b;
}

static void
test_iris_boxes (void)
{
  g_autoptr (LbTree) tree = iris_tree ();
  LbTreeChartOptions opt = { features, classes, 0, 0 };
  g_autoptr (LbChart) chart = lb_chart_new_tree (tree, &opt, NULL);
  cairo_surface_t *s;
  Blob setosa, versicolor, virginica;

  lb_chart_set_title (chart, "决策树 (iris)");
  s = render (chart, W, H);
  save_if_asked (s, "tree-iris.png");
  /* leaves in slots 0, 1, 2 from the left, all at depth >= 1: the pure
   * setosa leaf (depth 1) in the left third, versicolor's (orange, depth 2)
   * in the middle third, virginica's (green) in the right third, both below
   * setosa's */
  setosa = blob (s, setosa_fill);
  versicolor = blob (s, orangeish);
  virginica = blob (s, greenish);
  g_test_message ("setosa %zu px (%.0f, %.0f), versicolor %zu (%.0f, %.0f), virginica %zu (%.0f, %.0f)",
                  setosa.n, setosa.x, setosa.y, versicolor.n, versicolor.x, versicolor.y,
                  virginica.n, virginica.x, virginica.y);
  g_assert_cmpuint (setosa.n, >, 3000);
  g_assert_cmpuint (versicolor.n, >, 3000);
  g_assert_cmpuint (virginica.n, >, 3000);
  g_assert_cmpfloat (setosa.x, <, W / 3.0);
  g_assert_cmpfloat (versicolor.x, >, W / 3.0);
  g_assert_cmpfloat (versicolor.x, <, 2 * W / 3.0);
  g_assert_cmpfloat (virginica.x, >, 2 * W / 3.0);
  g_assert_cmpfloat (versicolor.y, >, setosa.y + 50);
  g_assert_cmpfloat (fabs (versicolor.y - virginica.y), <, 5);
  cairo_surface_destroy (s);
}

static void
test_depth_cut_and_regressor (void)
{
  g_autoptr (LbTree) tree = iris_tree ();
  LbTreeChartOptions opt = { NULL, NULL, 1, 2 };
  g_autoptr (LbChart) chart = lb_chart_new_tree (tree, &opt, NULL);
  g_autofree char *root = lb_chart_tree_node_text (chart, 0);
  g_autofree char *cut = lb_chart_tree_node_text (chart, 3);
  g_autofree char *node2 = lb_chart_tree_node_text (chart, 2);
  cairo_surface_t *s;

  /* default names x[i] and class codes, precision 2 */
  g_assert_cmpstr (root, ==, "x[0] <= 2.45\ngini = 0.67\nsamples = 150\nvalue = [50, 50, 50]\nclass = 0");
  g_assert_cmpstr (node2, ==, "x[1] <= 1.75\ngini = 0.5\nsamples = 100\nvalue = [0, 50, 50]\nclass = 1");
  g_assert_null (cut);
  s = render (chart, W, H);
  save_if_asked (s, "tree-cut.png");
  cairo_surface_destroy (s);

  {
    /* a regressor stump: value is the mean target, criterion squared_error */
    g_autoptr (LbTree) reg = lb_tree_new (3, 1, 0, "squared_error");
    g_autoptr (LbChart) rc = NULL;
    g_autofree char *t0 = NULL;
    reg->nodes[0] = (LbTreeNode) { 1, 2, 0, 0.5, 0.0833, 20, 20 };
    reg->nodes[1] = (LbTreeNode) { -1, -1, -1, -2, 0.01, 10, 10 };
    reg->nodes[2] = (LbTreeNode) { -1, -1, -1, -2, 0.02, 10, 10 };
    reg->values[0] = 0.55;
    reg->values[1] = 0.25;
    reg->values[2] = 0.85;
    rc = lb_chart_new_tree (reg, NULL, NULL);
    t0 = lb_chart_tree_node_text (rc, 0);
    g_assert_cmpstr (t0, ==, "x[0] <= 0.5\nsquared_error = 0.083\nsamples = 20\nvalue = 0.55");
    s = render (rc, W, H);
    cairo_surface_destroy (s);
  }
}

static void
test_small_sizes (void)
{
  g_autoptr (LbTree) tree = iris_tree ();
  g_autoptr (LbChart) chart = lb_chart_new_tree (tree, NULL, NULL);
  static const int sizes[][2] = { { 50, 40 }, { 120, 90 }, { 200, 600 }, { 900, 70 } };

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    cairo_surface_destroy (render (chart, sizes[k][0], sizes[k][1]));
}

static void
test_invalid_tree (void)
{
  g_autoptr (LbTree) tree = iris_tree ();
  g_autoptr (GError) error = NULL;

  tree->nodes[2].left = 1;  /* a child before its parent: a cycle could hide */
  g_assert_null (lb_chart_new_tree (tree, NULL, &error));
  g_assert_error (error, LB_PLOTS_ERROR, LB_PLOTS_ERROR_INVALID);
}

/* A complete binary tree of @depth levels below the root. */
static LbTree *
complete_tree (guint depth)
{
  guint n = (1u << (depth + 1)) - 1;
  LbTree *tree = lb_tree_new (n, 4, 2, "gini");

  for (guint i = 0; i < n; i++)
    {
      gboolean leaf = 2 * i + 1 >= n;
      tree->nodes[i] = (LbTreeNode) { leaf ? -1 : (int) (2 * i + 1), leaf ? -1 : (int) (2 * i + 2),
                                      leaf ? -1 : (int) (i % 4), 0.5 * i, 0.3, 100, 100 };
      tree->values[2 * i] = i % 3;
      tree->values[2 * i + 1] = 3;
    }
  return tree;
}

static void
test_large_tree (void)
{
  g_autoptr (LbTree) tree = complete_tree (10);   /* 2047 nodes, 1024 leaves */
  g_autoptr (LbChart) chart = lb_chart_new_tree (tree, NULL, NULL);
  LbTreeChartOptions opt = { NULL, NULL, 3, 0 };
  g_autoptr (LbChart) cut = lb_chart_new_tree (tree, &opt, NULL);
  int w1, h1, w2, h2;
  gint64 t0;
  cairo_surface_t *s;

  lb_chart_get_natural_size (chart, &w1, &h1);
  lb_chart_get_natural_size (cut, &w2, &h2);
  g_test_message ("natural sizes: whole %d x %d, depth 3 %d x %d", w1, h1, w2, h2);
  /* 1024 leaves side by side: as wide as allowed; cut at depth 3: 16 stubs */
  g_assert_cmpint (w1, ==, 30000);
  g_assert_cmpint (w2, <, 4000);
  g_assert_cmpint (w2, >, 1000);
  g_assert_cmpint (h1, >, h2);
  t0 = g_get_monotonic_time ();
  s = render (chart, 1280, 800);
  g_test_message ("2047-node tree at 1280x800: %.1f ms", (g_get_monotonic_time () - t0) / 1000.0);
  cairo_surface_destroy (s);
  {
    int w = w1 / 4, h = h1;
    t0 = g_get_monotonic_time ();
    s = render (chart, w, h);
    g_test_message ("2047-node tree at %d x %d (zoomed): %.1f ms", w, h, (g_get_monotonic_time () - t0) / 1000.0);
    cairo_surface_destroy (s);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/learnbench/plots/Tree/iris-texts", test_iris_texts);
  g_test_add_func ("/learnbench/plots/Tree/iris-boxes", test_iris_boxes);
  g_test_add_func ("/learnbench/plots/Tree/depth-cut-and-regressor", test_depth_cut_and_regressor);
  g_test_add_func ("/learnbench/plots/Tree/invalid", test_invalid_tree);
  g_test_add_func ("/learnbench/plots/Tree/small-sizes", test_small_sizes);
  g_test_add_func ("/learnbench/plots/Tree/large", test_large_tree);

  return g_test_run ();
}
