#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# make-lifesat.py: derives examples/data/lifesat.csv (29 countries: GDP per
# capita 2015 and life satisfaction) from the book's two OECD/IMF files, with
# exactly the steps of the book's chapter 1 (and of the reference harness's
# W0_lifesat). The pivot / join / drop-by-position cannot be said in a project
# file, so the chapter 1 project reads this small derived table instead.
#
#   /usr/bin/python3 examples/data/make-lifesat.py \
#       [DATASETS_DIR (default: $LEARNBENCH_TEST_DATA or ../shared/datasets)] > examples/data/lifesat.csv
import os
import sys

import pandas as pd

here = os.path.dirname(os.path.abspath(__file__))
default = os.environ.get("LEARNBENCH_TEST_DATA") or os.path.join(here, "..", "..", "..", "shared", "datasets")
root = os.path.join(sys.argv[1] if len(sys.argv) > 1 else default, "lifesat")

oecd_bli = pd.read_csv(os.path.join(root, "oecd_bli_2015.csv"), thousands=",")
gdp = pd.read_csv(os.path.join(root, "gdp_per_capita.csv"), thousands=",", delimiter="\t",
                  encoding="latin1", na_values="n/a")

oecd_bli = oecd_bli[oecd_bli["INEQUALITY"] == "TOT"]
oecd_bli = oecd_bli.pivot(index="Country", columns="Indicator", values="Value")
gdp.rename(columns={"2015": "GDP per capita"}, inplace=True)
gdp.set_index("Country", inplace=True)
stats = pd.merge(left=oecd_bli, right=gdp, left_index=True, right_index=True)
stats.sort_values(by="GDP per capita", inplace=True)
remove = [0, 1, 6, 8, 33, 34, 35]          # the book's held-out countries
keep = list(set(range(36)) - set(remove))
stats = stats[["GDP per capita", "Life satisfaction"]].iloc[keep]

# repr() floats: shortest round trip, so a reader gets the same doubles as pandas.
sys.stdout.write("Country,GDP per capita,Life satisfaction\n")
for country, row in stats.iterrows():
    sys.stdout.write("%s,%r,%r\n" % (country, float(row["GDP per capita"]), float(row["Life satisfaction"])))
