#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# ensembles-reference.py: the reference numbers of test-xgboost.c,
# test-voting.c, test-bagging.c, test-adaboost.c and test-gradient-boosting.c
# (scikit-learn 1.2.1 and xgboost 1.7.4, Debian's /usr/bin/python3). Run from
# the source root: /usr/bin/python3 tests/engine/reference/ensembles-reference.py [section]
# The data are REFERENCE.md W7's files (../shared/reference/data), rows in the
# order train_test_split returned them ("pos").
import sys

import numpy as np
import pandas as pd

REF = "../shared/reference/data/"
section = sys.argv[1] if len(sys.argv) > 1 else "all"


def split(path, xcols):
    # round_trip: pandas' default parser can be 1 ulp off the exact value
    d = pd.read_csv(REF + path, float_precision="round_trip")
    tr = d[d.set == "train"].sort_values("pos")
    te = d[d.set == "test"].sort_values("pos")
    return tr[xcols].to_numpy(float), tr.y.to_numpy(), te[xcols].to_numpy(float), te.y.to_numpy()


def moons():
    return split("w7_moons_n500_noise0.3_rs42.csv", ["x1", "x2"])


def quadratic():
    return split("w7_gbrt_quadratic_m100_seed42.csv", ["x"])


def r(v):
    return repr(float(v))


if section in ("all", "xgboost"):
    import xgboost
    Xtr, ytr, Xte, yte = moons()
    for method in ("hist", "exact"):
        m = xgboost.XGBClassifier(random_state=42, n_jobs=1, tree_method=method).fit(Xtr, ytr)
        p = m.predict_proba(Xte)[:, 1]
        print(f"/* moons XGBClassifier {method}: accuracy {r((m.predict(Xte) == yte).mean())} */")
        print(f"proba[:5] {', '.join(r(v) for v in p[:5])}; sum {r(p.astype(float).sum())}")
        print("importances", [r(v) for v in m.feature_importances_])
    Xtr, ytr, Xte, yte = quadratic()
    m = xgboost.XGBRegressor(n_estimators=20, max_depth=2, learning_rate=0.5, random_state=42,
                             n_jobs=1, tree_method="exact").fit(Xtr, ytr)
    p = m.predict(Xte)
    print("/* quadratic XGBRegressor(20, depth 2, eta 0.5, exact) */")
    print(f"pred[:5] {', '.join(r(v) for v in p[:5])}; sum {r(p.astype(float).sum())}")
    # subsample / colsample with a seed: XGBoost's own RNG, same library
    m = xgboost.XGBRegressor(n_estimators=30, max_depth=3, subsample=0.7, colsample_bytree=1.0,
                             reg_lambda=2.0, reg_alpha=0.1, gamma=0.01, min_child_weight=2,
                             random_state=42, n_jobs=1, tree_method="hist", max_bin=64).fit(Xtr, ytr)
    p = m.predict(Xte)
    print("/* quadratic XGBRegressor(30, depth 3, subsample .7, lambda 2, alpha .1, gamma .01, mcw 2, hist 64 bins) */")
    print(f"pred[:5] {', '.join(r(v) for v in p[:5])}; sum {r(p.astype(float).sum())}")

if section in ("all", "voting"):
    from sklearn.ensemble import VotingClassifier, VotingRegressor
    from sklearn.linear_model import LinearRegression, LogisticRegression
    from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
    Xtr, ytr, Xte, yte = moons()
    est = [("lr", LogisticRegression(random_state=42)), ("knn", KNeighborsClassifier()),
           ("knn15", KNeighborsClassifier(n_neighbors=15))]
    for v in ("hard", "soft"):
        m = VotingClassifier(est, voting=v).fit(Xtr, ytr)
        pred = m.predict(Xte)
        print(f"/* moons VotingClassifier(lr, knn5, knn15, {v}) */ accuracy {r((pred == yte).mean())};"
              f" sum of predictions {int(pred.sum())}")
        for name, e in m.named_estimators_.items():
            print(f"   {name} accuracy {r((e.predict(Xte) == yte).mean())}")
        if v == "soft":
            p = m.predict_proba(Xte)[:, 1]
            print(f"   proba[:5] {', '.join(r(x) for x in p[:5])}")
    m = VotingClassifier(est, voting="soft", weights=[2, 1, 1]).fit(Xtr, ytr)
    print(f"/* soft, weights [2, 1, 1] */ proba[:3] {', '.join(r(x) for x in m.predict_proba(Xte)[:3, 1])}")
    Xtr, ytr, Xte, yte = quadratic()
    m = VotingRegressor([("lin", LinearRegression()), ("knn", KNeighborsRegressor(n_neighbors=3))],
                        weights=[1, 3]).fit(Xtr, ytr)
    p = m.predict(Xte)
    print(f"/* quadratic VotingRegressor(lin, knn3; weights 1, 3) */ pred[:5] {', '.join(r(x) for x in p[:5])}; sum {r(p.sum())}")

if section in ("all", "bagging"):
    from sklearn.ensemble import BaggingClassifier, BaggingRegressor
    from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
    Xtr, ytr, Xte, yte = moons()
    acc, oob = [], []
    for seed in range(30):
        m = BaggingClassifier(KNeighborsClassifier(n_neighbors=15), n_estimators=50, max_samples=100,
                              oob_score=True, random_state=seed).fit(Xtr, ytr)
        acc.append((m.predict(Xte) == yte).mean())
        oob.append(m.oob_score_)
    print(f"/* moons BaggingClassifier(KNN15, 50, max_samples=100, oob) over random_state 0..29 */")
    print(f"   test accuracy min {r(min(acc))} max {r(max(acc))} mean {r(np.mean(acc))}")
    print(f"   oob min {r(min(oob))} max {r(max(oob))} mean {r(np.mean(oob))}")
    acc = []
    for seed in range(30):
        m = BaggingClassifier(KNeighborsClassifier(n_neighbors=15), n_estimators=50, max_samples=0.5,
                              bootstrap=False, max_features=0.5, bootstrap_features=False,
                              random_state=seed).fit(Xtr, ytr)
        acc.append((m.predict(Xte) == yte).mean())
    print(f"/* pasting + 1 of 2 features */ accuracy min {r(min(acc))} max {r(max(acc))} mean {r(np.mean(acc))}")
    Xtr, ytr, Xte, yte = quadratic()
    r2, oob = [], []
    for seed in range(30):
        m = BaggingRegressor(KNeighborsRegressor(n_neighbors=3), n_estimators=30, oob_score=True,
                             random_state=seed).fit(Xtr, ytr)
        r2.append(m.score(Xte, yte))
        oob.append(m.oob_score_)
    print(f"/* quadratic BaggingRegressor(KNN3, 30, oob) */ test R2 min {r(min(r2))} max {r(max(r2))};"
          f" oob min {r(min(oob))} max {r(max(oob))}")

if section in ("all", "bagging-trees"):
    from sklearn.ensemble import BaggingClassifier
    from sklearn.tree import DecisionTreeClassifier
    Xtr, ytr, Xte, yte = moons()
    acc = []
    for seed in range(10):
        m = BaggingClassifier(DecisionTreeClassifier(random_state=seed), n_estimators=500,
                              max_samples=100, random_state=seed, n_jobs=2).fit(Xtr, ytr)
        acc.append((m.predict(Xte) == yte).mean())
    print(f"/* moons BaggingClassifier(tree, 500, max_samples=100) over seeds 0..9 */"
          f" accuracy min {r(min(acc))} max {r(max(acc))}")

if section in ("all", "adaboost"):
    from sklearn.ensemble import AdaBoostClassifier
    from sklearn.tree import DecisionTreeClassifier
    Xtr, ytr, Xte, yte = moons()
    for algo, n, lr in (("SAMME.R", 200, 0.5), ("SAMME", 60, 0.7)):
        m = AdaBoostClassifier(DecisionTreeClassifier(max_depth=1), n_estimators=n, algorithm=algo,
                               learning_rate=lr, random_state=42).fit(Xtr, ytr)
        print(f"/* moons AdaBoostClassifier(stump, {n}, {algo}, lr {lr}): rounds {len(m.estimators_)},"
              f" accuracy {r((m.predict(Xte) == yte).mean())} */")
        staged = list(m.staged_decision_function(Xte))
        for s in (1, 2, 10, n):
            d = staged[s - 1]
            print(f"   stage {s}: d[:4] {', '.join(r(v) for v in d[:4])}; sum {r(d.sum())}")
        print(f"   weights[:3] {', '.join(r(v) for v in m.estimator_weights_[:3])};"
              f" errors[:3] {', '.join(r(v) for v in m.estimator_errors_[:3])}")
        print(f"   proba[:2] {', '.join(r(v) for v in m.predict_proba(Xte)[:2].ravel())}")
        print(f"   importances {', '.join(r(v) for v in m.feature_importances_)}")

if section in ("all", "gbrt"):
    from sklearn.ensemble import GradientBoostingRegressor
    from sklearn.metrics import mean_squared_error
    from sklearn.tree import DecisionTreeRegressor
    Xtr, ytr, Xte, yte = quadratic()
    X = np.r_[Xtr, Xte]
    y = np.r_[ytr, yte]
    g = GradientBoostingRegressor(max_depth=2, n_estimators=3, learning_rate=1.0, random_state=42).fit(X, y)
    print(f"/* quadratic (all 100 rows) GBR(max_depth=2, 3, lr 1.0): predict(0.8) {r(g.predict([[0.8]])[0])};"
          f" staged at 0.8 {[r(v[0]) for v in g.staged_predict([[0.8]])]}; train_score_ {[r(v) for v in g.train_score_]} */")
    t1 = DecisionTreeRegressor(max_depth=2, random_state=42).fit(X, y)
    y2 = y - t1.predict(X)
    t2 = DecisionTreeRegressor(max_depth=2, random_state=42).fit(X, y2)
    y3 = y2 - t2.predict(X)
    t3 = DecisionTreeRegressor(max_depth=2, random_state=42).fit(X, y3)
    print(f"   the book's manual trees: {r(sum(t.predict([[0.8]])[0] for t in (t1, t2, t3)))}")
    g = GradientBoostingRegressor(max_depth=2, n_estimators=120, random_state=42).fit(Xtr, ytr)
    errs = [mean_squared_error(yte, yp) for yp in g.staged_predict(Xte)]
    print(f"/* train_test_split(random_state=49) GBR(max_depth=2, 120): best n {int(np.argmin(errs)) + 1},"
          f" min val MSE {r(min(errs))}; val MSE at 1, 120: {r(errs[0])}, {r(errs[-1])} */")
    Xtr, ytr, Xte, yte = moons()
    g = GradientBoostingRegressor(n_estimators=50, random_state=42).fit(Xtr, ytr)
    p = g.predict(Xte)
    print(f"/* moons as regression, GBR(50, depth 3, lr 0.1): pred[:3] {', '.join(r(v) for v in p[:3])};"
          f" sum {r(p.sum())}; importances {', '.join(r(v) for v in g.feature_importances_)} */")

if section in ("all", "stacking"):
    from sklearn.ensemble import StackingClassifier, StackingRegressor
    from sklearn.linear_model import LinearRegression, LogisticRegression, Ridge
    from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
    Xtr, ytr, Xte, yte = moons()
    m = StackingClassifier([("lr", LogisticRegression()), ("knn", KNeighborsClassifier(n_neighbors=15))],
                           final_estimator=LogisticRegression(), cv=5).fit(Xtr, ytr)
    p = m.predict_proba(Xte)[:, 1]
    print(f"/* moons StackingClassifier(lr, knn15 -> lr, cv 5): accuracy {r((m.predict(Xte) == yte).mean())};"
          f" proba[:4] {', '.join(r(v) for v in p[:4])}; blender coef {[r(v) for v in m.final_estimator_.coef_.ravel()]} */")
    m = StackingClassifier([("lr", LogisticRegression()), ("knn", KNeighborsClassifier(n_neighbors=15))],
                           final_estimator=LogisticRegression(), cv=5, passthrough=True).fit(Xtr, ytr)
    print(f"/* passthrough: proba[:2] {', '.join(r(v) for v in m.predict_proba(Xte)[:2, 1])} */")
    Xtr, ytr, Xte, yte = quadratic()
    m = StackingRegressor([("lin", LinearRegression()), ("knn", KNeighborsRegressor(n_neighbors=3))],
                          final_estimator=Ridge(alpha=1.0), cv=5).fit(Xtr, ytr)
    p = m.predict(Xte)
    print(f"/* quadratic StackingRegressor(lin, knn3 -> Ridge, cv 5): pred[:4] {', '.join(r(v) for v in p[:4])};"
          f" sum {r(p.sum())}; blender coef {[r(v) for v in m.final_estimator_.coef_]}, {r(m.final_estimator_.intercept_)} */")

if section in ("all", "adaboost-regressor"):
    from sklearn.ensemble import AdaBoostRegressor
    from sklearn.metrics import mean_squared_error
    Xtr, ytr, Xte, yte = quadratic()
    for loss in ("linear", "square", "exponential"):
        mse = []
        for seed in range(30):
            m = AdaBoostRegressor(n_estimators=50, loss=loss, random_state=seed).fit(Xtr, ytr)
            mse.append(mean_squared_error(yte, m.predict(Xte)))
        print(f"/* quadratic AdaBoostRegressor(DT(3), 50, {loss}) over random_state 0..29: test MSE"
              f" min {r(min(mse))} max {r(max(mse))} */")

if section == "write-gb3":
    # tests/engine/fixtures/gb3-classes.csv: a small continuous 3-class set (no tied splits)
    from sklearn.datasets import make_classification
    X, y = make_classification(n_samples=120, n_features=3, n_informative=3, n_redundant=0,
                               n_classes=3, n_clusters_per_class=1, random_state=0)
    with open("tests/engine/fixtures/gb3-classes.csv", "w") as f:
        f.write("a,b,c,label\n")
        for x, t in zip(X, y):
            f.write(",".join(repr(float(v)) for v in x) + "," + "abc"[t] + "\n")

if section in ("all", "gbc"):
    from sklearn.ensemble import GradientBoostingClassifier
    Xtr, ytr, Xte, yte = moons()
    g = GradientBoostingClassifier(n_estimators=50, random_state=42).fit(Xtr, ytr)
    st = list(g.staged_decision_function(Xte))
    print(f"/* moons GradientBoostingClassifier(50): accuracy {r((g.predict(Xte) == yte).mean())};"
          f" init log-odds {r(st[0][0][0] - g.learning_rate * g.estimators_[0,0].predict(Xte[:1])[0])} */")
    for s_ in (1, 10, 50):
        d = st[s_ - 1].ravel()
        print(f"   stage {s_}: d[:3] {', '.join(r(v) for v in d[:3])}; sum {r(d.sum())}")
    print(f"   train_score_[:3] {', '.join(r(v) for v in g.train_score_[:3])}; last {r(g.train_score_[-1])}")
    d = pd.read_csv("tests/engine/fixtures/gb3-classes.csv", float_precision="round_trip")
    X = d[["a", "b", "c"]].to_numpy(); y = d.label.to_numpy()
    g = GradientBoostingClassifier(n_estimators=20, max_depth=2, learning_rate=0.3, random_state=42).fit(X[:90], y[:90])
    p = g.predict_proba(X[90:])
    print(f"/* gb3 GradientBoostingClassifier(20, depth 2, lr .3) on rows 0..89: accuracy on 90..119 "
          f"{r((g.predict(X[90:]) == y[90:]).mean())}; proba[0] {', '.join(r(v) for v in p[0])};"
          f" proba[1] {', '.join(r(v) for v in p[1])}; train_score_[:2] {', '.join(r(v) for v in g.train_score_[:2])};"
          f" sum of proba[:,0] {r(p[:, 0].sum())} */")
    for rs in (0, 1, 2, 3):
        g = GradientBoostingClassifier(n_estimators=20, max_depth=2, learning_rate=0.3, random_state=rs).fit(X[:90], y[:90])
        print(f"   random_state={rs}: sum of proba[:,0] {r(g.predict_proba(X[90:])[:, 0].sum())} (a tied split)")
