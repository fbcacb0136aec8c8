/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lb-data.h: the umbrella header of the data/ layer (tables, readers,
 * generators, profiling). No GTK here, ever.
 */
#pragma once

#include "lb-data-error.h"
#include "lb-progress.h"
#include "lb-rng.h"
#include "lb-column.h"
#include "lb-table.h"
#include "lb-csv-reader.h"
#include "lb-idx-reader.h"
#include "lb-loader.h"
#include "lb-profile.h"
#include "lb-generators.h"
#include "lb-expression.h"
#include "lb-housing.h"
